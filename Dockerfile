# The bot, run with tsx (no build step): the same entry point as `npm start`.
FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production
COPY package.json package-lock.json ./
# tsx is a runtime dependency; dev tools (vitest, biome, typescript) are not installed.
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY migrations ./migrations
# The embedded database's template (postinstall ran before src was here): a new data folder opens in seconds.
RUN npm run pglite:template
# Without DATABASE_URL the embedded database lives in DATA_DIR. /app stays root's (the code is
# read-only to the bot); the data folder is the node user's own, and a volume so it outlives the
# container: docker run -it -v sebaya-data:/app/data sebaya
RUN mkdir -p /app/data && chown node:node /app/data
ENV DATA_DIR=/app/data
VOLUME ["/app/data"]
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
