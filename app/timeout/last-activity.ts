import type { SessionMarker } from './marker'

/**
 * A returning page view that changes nothing renews the stored session at most this often
 * (app/middleware/session-renewal.ts). A minute is 5% of the 20-minute idle limit: small
 * next to it, and a busy citizen's session costs one write a minute instead of one a page.
 */
export const RENEWAL_BOUND_MS = 60_000

/**
 * When a live session was last used, as far as the server can prove without writing on
 * every page: the store records when it last wrote the session (`renewedAt`), and each
 * response that holds work sends a signed marker with that response's time, which every tab
 * of the browser shares. The marker can only move the time on within the bound: a later
 * page view would have renewed the session, so a marker later than that came from some other
 * session. Without a marker, the last write is the last use — the session can only end sooner.
 * `undefined` when the session was stored before renewals were bounded (its stored expiry is exact).
 */
export function lastActivity(
  renewedAt: number | undefined,
  marker: SessionMarker | undefined,
  boundMs: number = RENEWAL_BOUND_MS,
): number | undefined {
  if (typeof renewedAt !== 'number') return undefined
  if (!marker) return renewedAt
  return Math.min(Math.max(marker.lastSeen, renewedAt), renewedAt + boundMs)
}
