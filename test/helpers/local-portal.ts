import fs from 'node:fs'
import type { Server } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { createApp } from '../../app/app'
import { bootstrap, type BootstrapOptions, type Runtime } from '../../app/bootstrap'
import { loadConfig } from '../../app/config'

export interface LocalPortal {
  url: string
  runtime: Runtime
  close(): Promise<void>
}

/**
 * The real app, built by `bootstrap` as the server builds it, listening on a loopback port
 * inside the test process: for tests that need real sockets and time-outs but not a child.
 */
export async function listenLocally(env: Record<string, string>, options: BootstrapOptions = {}): Promise<LocalPortal> {
  const dataDir = env.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-local-'))
  const runtime = await bootstrap(loadConfig({ NODE_ENV: 'test', ...env, DATA_DIR: dataDir }), options)
  const server: Server = createApp(runtime).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    runtime,
    async close() {
      server.closeAllConnections()
      await new Promise((resolve) => server.close(resolve))
      await runtime.close()
    },
  }
}
