# Two stages: the build (every dependency, the type check, esbuild's bundle in dist/) and the
# runtime (plain JavaScript on node, production dependencies only, as the node user).
FROM node:22-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
# dist/main.js, dist/shard-main.js, dist/migrate-cli.js, dist/pglite-template-cli.js and their
# shared chunks; the migrations are imported by the store, so they are in the bundle too.
RUN npm run build

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# Runtime dependencies only (vitest, biome, typescript, esbuild are not installed).
RUN npm ci --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
# The embedded database's template (postinstall had no code to run it): a new data folder opens in seconds.
RUN node dist/pglite-template-cli.js
# Without DATABASE_URL the embedded database lives in DATA_DIR. /app stays root's (the code is
# read-only to the bot); the data folder is the node user's own, and a volume so it outlives the
# container: docker run -it -v sebaya-data:/app/data sebaya
RUN mkdir -p /app/data && chown node:node /app/data
ENV DATA_DIR=/app/data
VOLUME ["/app/data"]
USER node
# PORT set here, not left to the default: the console playground serves /healthz, /readyz and /metrics
# only when PORT is in its environment (two playgrounds on one machine never fight over a port), and
# the HEALTHCHECK below needs them in every mode. The bots use PORT either way.
ENV PORT=3000
EXPOSE 3000
# Alive means /healthz answers on PORT; node's own fetch, the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# SIGTERM (docker stop, Kubernetes) shuts down gracefully within SHUTDOWN_TIMEOUT_MS (10 s by
# default): give the container more than that, e.g. docker stop -t 20.
CMD ["node", "--enable-source-maps", "dist/main.js"]
