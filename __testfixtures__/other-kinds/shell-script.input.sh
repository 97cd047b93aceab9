#!/usr/bin/env bash
# Deploys the web image. Needs NEXT_PUBLIC_SUPABASE_ANON_KEY and SUPABASE_SERVICE_ROLE_KEY.
set -euo pipefail

: "${NEXT_PUBLIC_SUPABASE_URL:?}"
: "${NEXT_PUBLIC_SUPABASE_ANON_KEY:?NEXT_PUBLIC_SUPABASE_ANON_KEY is required}"
export SUPABASE_SERVICE_ROLE_KEY="${SUPABASE_SERVICE_ROLE_KEY:-$(cat .secrets/service-role)}"
export SUPABASE_ANON_KEY=$NEXT_PUBLIC_SUPABASE_ANON_KEY

docker build \
  --build-arg NEXT_PUBLIC_SUPABASE_URL \
  --build-arg "NEXT_PUBLIC_SUPABASE_ANON_KEY=$NEXT_PUBLIC_SUPABASE_ANON_KEY" \
  -t web .

cat > .env.production <<ENV
NEXT_PUBLIC_SUPABASE_ANON_KEY=${NEXT_PUBLIC_SUPABASE_ANON_KEY}
ENV

# Look-alikes, never renamed:
echo "key file: ${SUPABASE_ANON_KEY_FILE:-none}"
printf '%s\n' "$SUPABASE_ANON_KEYS" | wc -l
# A secret behind a public prefix is reported, never renamed into another public name:
unset NEXT_PUBLIC_SUPABASE_SERVICE_ROLE_KEY
