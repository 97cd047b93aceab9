# syntax=docker/dockerfile:1.7
FROM node:20-alpine AS build
WORKDIR /app

# Public values are inlined into the client bundle at build time.
ARG NEXT_PUBLIC_SUPABASE_URL
ARG NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY
ARG SUPABASE_SECRET_KEY=""
ENV NEXT_PUBLIC_SUPABASE_URL=$NEXT_PUBLIC_SUPABASE_URL \
    NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=${NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY}

COPY package*.json ./
RUN npm ci
COPY . .
RUN test -n "$NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY" || (echo "NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY is missing" >&2 && exit 1)
RUN --mount=type=secret,id=service_role,env=SUPABASE_SECRET_KEY \
    test -n "${SUPABASE_SECRET_KEY}" && npm run build

FROM node:20-alpine
WORKDIR /app
ENV NODE_ENV=production
# The legacy ENV form: name, space, value.
ENV SUPABASE_SECRET_KEY placeholder
# Other names, not renamed:
ENV SUPABASE_ANON_KEY_VERSION=2 NEXT_PUBLIC_SUPABASE_ANON_KEYS_URL=/keys
COPY --from=build /app/.next/standalone ./
CMD ["node", "server.js"]
