import type { Queryable } from '../../store/db'
import { findAccountById, type StaffAccount } from './accounts'

/**
 * How long one read of an account answers for it. Every staff request needs the account
 * (role, disabled, session epoch); a few seconds spares the database a read per request on
 * a busy page, and is the longest a change made on another instance (or by the command
 * line) can take to bite. A change made through this instance forgets its entry at once.
 */
export const IDENTITY_CACHE_MS = 3_000
const MAX_ENTRIES = 5_000

interface Entry {
  readAt: number
  account: StaffAccount | undefined
}

// Keyed by the database handle, so two apps in one process (tests, the benchmark) never share entries.
const caches = new WeakMap<Queryable, Map<string, Entry>>()

function cacheOf(q: Queryable): Map<string, Entry> {
  let cache = caches.get(q)
  if (!cache) caches.set(q, (cache = new Map()))
  return cache
}

/** The account as the store has it, read at most IDENTITY_CACHE_MS ago (on the injected clock). */
export async function currentAccount(q: Queryable, id: string, now: Date): Promise<StaffAccount | undefined> {
  const cache = cacheOf(q)
  const at = now.getTime()
  const hit = cache.get(id)
  if (hit && at >= hit.readAt && at - hit.readAt < IDENTITY_CACHE_MS) return hit.account
  const account = await findAccountById(q, id)
  if (cache.size >= MAX_ENTRIES) cache.clear()
  cache.set(id, { readAt: at, account })
  return account
}

/** Called by every change to an account, so this instance sees it on the very next request. */
export function forgetAccount(q: Queryable, id: string): void {
  caches.get(q)?.delete(id)
}
