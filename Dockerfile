# syntax=docker/dockerfile:1
# Stage 1: build the TypeScript and the assets with every dependency.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --omit=optional
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY app ./app
COPY assets ./assets
COPY views ./views
RUN npm run build && npm prune --omit=dev --omit=optional

# Stage 2: the runtime image — production dependencies only, no build tools, not root.
FROM node:24-slim
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/views ./views
COPY --from=build /app/app/locales ./app/locales
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# A bounded heap (as `npm start`): V8 otherwise sizes the young generation from the host's
# memory (128 MB on a 24 GB machine) and lets the old one grow lazily, so resident size
# climbed past 300 MB under load with only ~30 MB live. See README, Performance.
CMD ["node", "--max-semi-space-size=8", "--max-old-space-size=80", "dist/server.js"]
