// Logs through the portal's batched standard output, then ends the way argv[2] says:
// throw (uncaught exception), reject (unhandled rejection), exit (process.exit, as the
// graceful shutdown does) or wait (stays up until killed, for the periodic flush).
import { createLogger } from '../../../app/logger'
import { batchedStdout } from '../../../app/log-destination'

const logger = createLogger('info', batchedStdout())
const how = process.argv[2]
logger.info({ requestId: 'r-1', status: 200 }, 'request')
setTimeout(() => {
  if (how === 'throw') throw new Error('crash')
  if (how === 'reject') void Promise.reject(new Error('crash'))
  if (how === 'exit') process.exit(0)
  if (how === 'wait') setInterval(() => undefined, 1000)
}, 50)
