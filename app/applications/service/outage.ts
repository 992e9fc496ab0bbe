import { OUTAGE_RETRY_AFTER_SECONDS } from '../../retry-after'
import { DatabaseUnavailableError } from '../../store/db'

/**
 * What the HTTP code may know of a store outage, through the service layer rather than the
 * store: whether an error means the database could not be reached (PostgreSQL down or
 * unreachable: nothing was written), and how long to tell the browser to wait.
 */
export const isDatabaseUnavailable = (error: unknown): boolean => error instanceof DatabaseUnavailableError

export const RETRY_AFTER_SECONDS = OUTAGE_RETRY_AFTER_SECONDS
