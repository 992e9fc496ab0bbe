import { createHash } from 'node:crypto'

/** The key every test deployment gives its processes, so tests can read `GET /api/v1/submissions`. */
export const TEST_SUBMISSIONS_API_KEY = 'test-submissions-key-shared-0123456789'

const EVERY_APPLICATION = ['dbs-basic', 'care-worker-wales', 'child-benefit']

/**
 * `SUBMISSIONS_API_KEYS` as an operator writes it: only each key's SHA-256, by name and
 * scope. Without arguments, one key (`TEST_SUBMISSIONS_API_KEY`) that reads every application.
 */
export function apiKeysConfig(...keys: { name: string; key: string; applications?: string[] }[]): string {
  const entries = keys.length > 0 ? keys : [{ name: 'test-provider', key: TEST_SUBMISSIONS_API_KEY }]
  return JSON.stringify(
    entries.map((k) => ({
      name: k.name,
      sha256: createHash('sha256').update(k.key).digest('hex'),
      applications: k.applications ?? EVERY_APPLICATION,
    })),
  )
}

/**
 * Every submission a running portal hands over through its API, page after page as a
 * service provider would read them (the API answers at most 100 at a time).
 */
export async function allSubmissions(
  origin: string,
  apiKey = TEST_SUBMISSIONS_API_KEY,
): Promise<{ reference: string; application: string }[]> {
  const items: { reference: string; application: string }[] = []
  let next: string | null = '/api/v1/submissions?limit=100'
  while (next) {
    const response = await fetch(`${origin}${next}`, {
      headers: { authorization: `Bearer ${apiKey}` },
      signal: AbortSignal.timeout(15_000),
    })
    if (!response.ok) throw new Error(`GET ${next} answered ${response.status}`)
    const page = (await response.json()) as { items: { reference: string; application: string }[]; next: string | null }
    items.push(...page.items)
    next = page.next
  }
  return items
}
