/**
 * How long a client (or proxy) is asked to wait before trying again after an outage
 * (`Retry-After`): one figure for every "try again later" answer, whichever layer gives it.
 */
export const OUTAGE_RETRY_AFTER_SECONDS = 30
