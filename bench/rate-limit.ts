// `npm run bench:rate-limit`: the cost of one rate-limit check as the store fills to 200,000
// distinct keys, for the in-memory and the Redis limiter (REDIS_URL, default the local one),
// against a baseline measured in the same run: the same check while the store holds 1,000
// keys. A ratio near 1 is constant cost per request. Then 200,000 refused requests from one
// address, each naming a new key: the keys held afterwards show that refusals add none.
import { createLogger } from '../app/logger'
import { MemoryRateLimiter, type RateLimit, type RateLimiter } from '../app/store/rate-limit'
import { connectRedis, createRedisClient, type RedisClient } from '../app/store/redis-client'
import { RedisRateLimiter } from '../app/store/redis-rate-limit'

const KEYS = Number(process.env.BENCH_KEYS ?? 200_000)
const SAMPLE = 10_000
const perKey: RateLimit = { name: 'bench-key', points: 5, windowSeconds: 3600 }
const perAddress: RateLimit = { name: 'bench-address', points: 20, windowSeconds: 3600 }

/** Mean µs per call over `count` calls, `concurrency` in flight at once. */
async function timeHits(count: number, concurrency: number, call: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0
  const start = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await call(next++)
    }),
  )
  return Number(process.hrtime.bigint() - start) / 1e3 / count
}

interface Figures {
  baseline: number
  filling: number
  existing: number
}

async function measure(limiter: RateLimiter, run: string, concurrency: number): Promise<Figures> {
  const key = (i: number) => ({ limit: perKey, key: `${run}:${i}` })
  // Warm up, then the baseline: new keys while the store holds about 1,000.
  await timeHits(1_000, concurrency, (i) => limiter.hit(key(i)))
  const baseline = await timeHits(SAMPLE, concurrency, (i) => limiter.hit(key(1_000 + i)))
  // Fill to KEYS distinct keys; the last SAMPLE new keys are timed.
  const filled = 1_000 + SAMPLE
  await timeHits(KEYS - filled - SAMPLE, concurrency, (i) => limiter.hit(key(filled + i)))
  const filling = await timeHits(SAMPLE, concurrency, (i) => limiter.hit(key(KEYS - SAMPLE + i)))
  // Hits on keys already held, spread over the whole set.
  const existing = await timeHits(SAMPLE, concurrency, (i) => limiter.hit(key((i * 7919) % KEYS)))
  return { baseline, filling, existing }
}

async function refusals(limiter: RateLimiter, run: string, concurrency: number): Promise<void> {
  let refused = 0
  await timeHits(KEYS, concurrency, async (i) => {
    const result = await limiter.hit(
      { limit: perAddress, key: `${run}:198.51.100.7` },
      { limit: perKey, key: `${run}:r${i}` },
    )
    if (!result.allowed) refused += 1
  })
  console.log(
    `  ${KEYS.toLocaleString('en-GB')} requests from one address, each naming a new key: ${refused.toLocaleString('en-GB')} refused`,
  )
}

function report(label: string, f: Figures): void {
  const line = (name: string, us: number) =>
    console.log(
      `  ${name.padEnd(44)} ${us.toFixed(2).padStart(8)} µs per check  (${(us / f.baseline).toFixed(2)}× baseline)`,
    )
  console.log(label)
  line('baseline: new keys, 1,000 held', f.baseline)
  line(`new keys, ${(KEYS - SAMPLE).toLocaleString('en-GB')}–${KEYS.toLocaleString('en-GB')} held`, f.filling)
  line(`existing keys, ${KEYS.toLocaleString('en-GB')} held`, f.existing)
}

async function countRedisKeys(client: RedisClient, match: string): Promise<number> {
  let n = 0
  for await (const keys of client.scanIterator({ MATCH: match, COUNT: 1000 })) n += keys.length
  return n
}

async function main(): Promise<void> {
  global.gc?.()
  const heapBefore = process.memoryUsage().heapUsed
  const memory = new MemoryRateLimiter(Infinity)
  report('In memory (one instance):', await measure(memory, 'm', 1))
  global.gc?.()
  const held = memory.heldKeys()
  const bytes = (process.memoryUsage().heapUsed - heapBefore) / held
  console.log(`  ${held.toLocaleString('en-GB')} keys held, about ${Math.round(bytes)} bytes of heap each`)
  const refusing = new MemoryRateLimiter(Infinity)
  await refusals(refusing, 'm', 1)
  console.log(
    `  keys held afterwards: ${refusing.heldKeys()} (the address and the ${perAddress.points} keys it was allowed)`,
  )

  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
  let client: RedisClient
  try {
    client = await connectRedis(createRedisClient(url, createLogger('silent')), 2000)
  } catch {
    console.log(`Redis: not reachable at ${url}; skipped`)
    return
  }
  const prefix = `bench:rl:${process.pid}:`
  try {
    report(`Redis (${url}, 16 requests in flight):`, await measure(new RedisRateLimiter(client, prefix, 5000), 'r', 16))
    console.log(`  keys in Redis: ${(await countRedisKeys(client, `${prefix}*`)).toLocaleString('en-GB')}`)
    const refusePrefix = `${prefix}refused:`
    await refusals(new RedisRateLimiter(client, refusePrefix, 5000), 'r', 16)
    console.log(`  keys in Redis afterwards: ${await countRedisKeys(client, `${refusePrefix}*`)}`)
  } finally {
    for await (const keys of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 }))
      if (keys.length) await client.del(keys)
    await client.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
