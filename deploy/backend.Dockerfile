# syntax=docker/dockerfile:1
# Orbit control plane: the NestJS backend, serving the built Angular console at /.
# Build from the repository root (see deploy/README.md):
#   docker build -f deploy/backend.Dockerfile -t orbit-backend .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build: install the whole workspace, build it, keep only what runs -------------------------------------
FROM ${NODE_IMAGE} AS build
# better-sqlite3 (driver of the embedded default) compiles from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    NG_CLI_ANALYTICS=false \
    CI=true
WORKDIR /src

# Manifests first, so the dependency layer is rebuilt only when one of them changes.
COPY package.json package-lock.json ./
COPY libs/contracts/package.json libs/contracts/
COPY backend/package.json backend/
COPY satellite/package.json satellite/
COPY admin-ui/package.json admin-ui/
COPY e2e/package.json e2e/
COPY bench/package.json bench/
# npm install, not npm ci: the lockfile omits some other platforms' optional binaries, which makes npm ci fail.
RUN npm install --no-audit --no-fund

COPY . .
# Builds contracts, backend, satellite and the console (admin-ui/dist/admin-ui/browser).
RUN npm run build

# Production dependencies only; gather the runtime tree in /out with the same layout as the repository, so the
# workspace symlinks (node_modules/@orbit/contracts -> ../../libs/contracts) still resolve.
RUN npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p /out/libs/contracts /out/backend /out/admin-ui/dist \
 && cp -a package.json node_modules /out/ \
 && cp -a libs/contracts/package.json libs/contracts/dist /out/libs/contracts/ \
 && cp -a backend/package.json backend/dist /out/backend/ \
 && cp -a admin-ui/dist/admin-ui /out/admin-ui/dist/ \
 && for ws in libs/contracts backend; do \
      if [ -d "$ws/node_modules" ]; then cp -a "$ws/node_modules" "/out/$ws/"; fi; \
    done \
 && rm -f /out/node_modules/@orbit/satellite /out/node_modules/@orbit/admin-ui \
          /out/node_modules/@orbit/e2e /out/node_modules/@orbit/bench

# ---- runtime ------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    ORBIT_DATA_DIR=/var/lib/orbit \
    ORBIT_CONSOLE_DIR=/app/admin-ui/dist/admin-ui/browser
WORKDIR /app
# The code stays owned by root, read-only to the service; only the data folder is writable.
COPY --from=build /out/ ./
RUN mkdir -p /var/lib/orbit \
 && chown node:node /var/lib/orbit \
 && chmod 700 /var/lib/orbit
USER node
EXPOSE 3000
# Migrations run at boot by default (DB_MIGRATIONS_RUN), hence the generous start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "backend/dist/main.js"]
