import pino from 'pino'

/** Lines are held until this many characters are waiting (about 20 request lines), then written at once. */
const BATCH_CHARS = 4096
/** A quiet server's lines still reach the log within this long. */
const FLUSH_EVERY_MS = 1000

/**
 * Standard output for the log, written in batches: pino's default writes every line with
 * its own synchronous write system call, which was one call per page view (an old profile
 * put the log line at ~13% of a page). Writes stay synchronous, so no write is ever half
 * done when the process goes, and the batch is written out on every exit that runs
 * JavaScript: `process.exit` (graceful shutdown after SIGTERM or SIGINT, a failed start),
 * an uncaught exception or unhandled rejection, and the event loop running dry. Only a
 * process killed outright (SIGKILL, the kernel's out-of-memory killer) can lose the last
 * second of lines, as it can lose anything else in memory.
 */
export function batchedStdout(): pino.DestinationStream {
  const stream = pino.destination({ dest: 1, sync: true, minLength: BATCH_CHARS, periodicFlush: FLUSH_EVERY_MS })
  process.on('exit', () => stream.flushSync())
  return stream
}
