# Build and deploy. Reads NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY and SUPABASE_SECRET_KEY from the environment.
IMAGE ?= ghcr.io/acme/web
NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY ?= $(shell grep ^NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY= .env.local | cut -d= -f2-)
export SUPABASE_SECRET_KEY

.PHONY: image seed check-env

image:
	docker build --build-arg NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=$(NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY) -t $(IMAGE) .

seed: check-env
	SUPABASE_SECRET_KEY="$${SUPABASE_SECRET_KEY}" node scripts/seed.mjs

check-env:
	@test -n "$(SUPABASE_SECRET_KEY)" || (echo "SUPABASE_SECRET_KEY is not set"; exit 1)
	@echo "$(SUPABASE_ANON_KEY_FILE) is another variable"
