import type { Server } from 'node:http'
import { createApp } from './app'
import { bootstrap } from './bootstrap'
import { ConfigError, loadConfig } from './config'
import { batchedStdout } from './log-destination'

/**
 * Starts the portal: read configuration, connect, listen. On SIGTERM or SIGINT it stops
 * accepting connections, lets requests in flight finish, then closes the database.
 */
async function main(): Promise<void> {
  const config = loadConfig()
  const runtime = await bootstrap(config, { logDestination: batchedStdout() })
  const app = createApp(runtime)
  const server: Server = app.listen(config.port, () => {
    runtime.logger.info(
      { port: config.port, dataDir: config.dataDir },
      `Portal listening on http://localhost:${config.port}`,
    )
  })
  const housekeeping = setInterval(() => {
    runtime.housekeeping().catch((error: unknown) => runtime.logger.error({ err: error }, 'housekeeping failed'))
  }, 60_000)
  housekeeping.unref()

  let stopping = false
  const stop = (signal: string) => {
    if (stopping) return
    stopping = true
    runtime.logger.info({ signal }, 'shutting down')
    clearInterval(housekeeping)
    server.close(() => {
      runtime
        .close()
        .then(() => process.exit(0))
        .catch(() => process.exit(1))
    })
    server.closeIdleConnections()
    // In-flight requests get ten seconds; after that the process goes anyway.
    setTimeout(() => process.exit(1), 10_000).unref()
  }
  process.on('SIGTERM', () => stop('SIGTERM'))
  process.on('SIGINT', () => stop('SIGINT'))
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message)
  } else {
    console.error('The portal could not start:', error instanceof Error ? error.message : error)
  }
  process.exit(1)
})
