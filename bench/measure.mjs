// autocannon wrapped: one measurement, summarised.
import autocannon from 'autocannon'

/**
 * @param {object} o
 * @param {number} o.port
 * @param {Array<{method: string, path: string, headers?: object, body?: string}>} o.requests cycled per connection
 * @param {number} [o.seconds]
 * @param {number} [o.amount] stop after this many requests (bounded by seconds)
 * @param {number} [o.connections]
 */
export async function measure({ port, requests, seconds = 8, amount, connections = 20 }) {
  const result = await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections,
        pipelining: 1,
        ...(amount ? { amount } : { duration: seconds }),
        requests,
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    )
    // `amount` ignores the duration; a long run is still bounded in time.
    if (amount) setTimeout(() => instance.stop(), seconds * 1000).unref()
  })
  return {
    rps: result.requests.average,
    total: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    seconds: result.duration,
  }
}

/** A short run whose figures are thrown away: JIT, caches and pools warm up first. */
export async function warm(port, requests, seconds = 2) {
  await measure({ port, requests, seconds, connections: 10 })
}
