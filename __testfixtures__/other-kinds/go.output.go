package main

import (
	"log"
	"net/http"
	"os"
)

// config holds what the server reads from the environment.
type config struct {
	SupabaseURL     string
	SupabaseAnonKey string // SUPABASE_PUBLISHABLE_KEY
	ServiceRoleKey  string
}

func loadConfig() config {
	serviceRoleKey, ok := os.LookupEnv("SUPABASE_SECRET_KEY")
	if !ok {
		log.Fatal("SUPABASE_SECRET_KEY is not set")
	}
	return config{
		SupabaseURL:     os.Getenv("SUPABASE_URL"),
		SupabaseAnonKey: os.Getenv(`SUPABASE_PUBLISHABLE_KEY`),
		ServiceRoleKey:  serviceRoleKey,
	}
}

func main() {
	cfg := loadConfig()
	keyFile := os.Getenv("SUPABASE_ANON_KEY_FILE") // another name
	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	log.Printf("listening (project %s, key file %q)", cfg.SupabaseURL, keyFile)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
