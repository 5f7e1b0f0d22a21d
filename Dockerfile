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
USER node
CMD ["node", "--import", "tsx", "src/main.ts"]
