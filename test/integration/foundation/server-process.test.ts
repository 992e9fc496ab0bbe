import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { ROOT } from '../../../app/paths'

// The real entry point, built by the test run's global set-up exactly as `npm start` builds it.
const SERVER = path.join(ROOT, 'dist', 'server.js')

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

function start(env: Record<string, string>): ChildProcess {
  const clean = { ...process.env }
  delete clean.DATABASE_URL
  delete clean.REDIS_URL
  return spawn(process.execPath, [SERVER], { env: { ...clean, LOG_LEVEL: 'silent', ...env }, stdio: 'pipe' })
}

async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('server did not become healthy')
}

const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

describe('the server process', () => {
  it('listens on PORT, keeps its data in DATA_DIR, and stops cleanly on SIGTERM', async () => {
    const port = await freePort()
    const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-proc-')), 'nested', 'data')
    const child = start({ PORT: String(port), DATA_DIR: dataDir })
    await waitForHealth(port)
    const page = await fetch(`http://127.0.0.1:${port}/`)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('govuk-template')
    expect(fs.existsSync(path.join(dataDir, 'portal.sqlite'))).toBe(true)
    const code = exited(child)
    child.kill('SIGTERM')
    expect(await code).toBe(0)
  })

  it('refuses to start in production without SESSION_SECRET, with a one-line message naming it', async () => {
    const child = start({ NODE_ENV: 'production', PORT: String(await freePort()) })
    let stderr = ''
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    expect(await exited(child)).toBe(1)
    expect(stderr.trim()).toMatch(/^SESSION_SECRET is required[^\n]*$/)
  })
})
