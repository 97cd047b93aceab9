# Build and deploy. Reads NEXT_PUBLIC_SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY from the environment.
IMAGE ?= ghcr.io/acme/web
NEXT_PUBLIC_SUPABASE_ANON_KEY ?= $(shell grep ^NEXT_PUBLIC_SUPABASE_ANON_KEY= .env.local | cut -d= -f2-)
export SUPABASE_SERVICE_ROLE_KEY

.PHONY: image seed check-env

image:
	docker build --build-arg NEXT_PUBLIC_SUPABASE_ANON_KEY=$(NEXT_PUBLIC_SUPABASE_ANON_KEY) -t $(IMAGE) .

seed: check-env
	SUPABASE_SERVICE_ROLE_KEY="$${SUPABASE_SERVICE_ROLE_KEY}" node scripts/seed.mjs

check-env:
	@test -n "$(SUPABASE_SERVICE_ROLE_KEY)" || (echo "SUPABASE_SERVICE_ROLE_KEY is not set"; exit 1)
	@echo "$(SUPABASE_ANON_KEY_FILE) is another variable"
