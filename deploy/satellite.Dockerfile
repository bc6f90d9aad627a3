# syntax=docker/dockerfile:1
# Orbit satellite: /health, /metrics and the control-queue worker today; the MCP gateway later.
# Build from the repository root (see deploy/README.md):
#   docker build -f deploy/satellite.Dockerfile -t orbit-satellite .

ARG NODE_IMAGE=node:20-bookworm-slim

# ---- build --------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS build
# The workspace install also builds better-sqlite3 (a backend dependency), which may need a compiler.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
ENV NX_DAEMON=false \
    NX_NO_CLOUD=true \
    CI=true
WORKDIR /src

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
# Only what the satellite needs: the shared contracts first (the satellite compiles against their types).
RUN npm run build -w libs/contracts \
 && npm run build -w satellite

RUN npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p /out/libs/contracts /out/satellite \
 && cp -a package.json node_modules /out/ \
 && cp -a libs/contracts/package.json libs/contracts/dist /out/libs/contracts/ \
 && cp -a satellite/package.json satellite/dist /out/satellite/ \
 && for ws in libs/contracts satellite; do \
      if [ -d "$ws/node_modules" ]; then cp -a "$ws/node_modules" "/out/$ws/"; fi; \
    done \
 && rm -f /out/node_modules/@orbit/backend /out/node_modules/@orbit/admin-ui \
          /out/node_modules/@orbit/e2e /out/node_modules/@orbit/bench

# ---- runtime ------------------------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
# Planned with the satellite runtime: bubblewrap for sandboxing the MCP servers it starts.
ENV NODE_ENV=production \
    SATELLITE_HOST=0.0.0.0 \
    SATELLITE_PORT=3001 \
    ORBIT_DATA_DIR=/var/lib/orbit
WORKDIR /app
COPY --from=build /out/ ./
RUN mkdir -p /var/lib/orbit \
 && chown node:node /var/lib/orbit \
 && chmod 700 /var/lib/orbit
USER node
EXPOSE 3001
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.SATELLITE_PORT || 3001) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "satellite/dist/main.js"]
