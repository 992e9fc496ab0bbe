import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** A free loopback port, found by letting the OS choose one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
    server.on('error', reject)
  })
}

async function waitForPort(port: number, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1')
      socket.on('connect', () => resolve(socket.destroy() && true))
      socket.on('error', () => resolve(false))
    })
    if (open) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`nothing listening on ${port} after ${timeoutMs} ms`)
}

/**
 * A throwaway `redis-server` child on its own port, for outage tests: it can be killed,
 * frozen (SIGSTOP: the socket stays open but nothing answers) and brought back, without
 * disturbing the shared Redis other engineers' tests use. Nothing is persisted to disk.
 */
export class ThrowawayRedis {
  private child: ChildProcess | undefined
  private constructor(
    readonly port: number,
    private readonly dir: string | undefined,
  ) {}

  /**
   * `durable`: an append-only file fsynced on every write in a temporary directory, so a
   * killed and restarted Redis still holds every session, as a production one should.
   */
  static async start(options: { durable?: boolean } = {}): Promise<ThrowawayRedis> {
    const dir = options.durable ? fs.mkdtempSync(path.join(os.tmpdir(), 'portal-redis-')) : undefined
    const redis = new ThrowawayRedis(await freePort(), dir)
    await redis.restart()
    return redis
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  async restart(): Promise<void> {
    this.child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    )
    await waitForPort(this.port)
  }

  /** Stops it dead, like a crashed or unreachable server. */
  async kill(): Promise<void> {
    const child = this.child
    this.child = undefined
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }

  freeze(): void {
    this.child?.kill('SIGSTOP')
  }

  thaw(): void {
    this.child?.kill('SIGCONT')
  }

  async stop(): Promise<void> {
    this.thaw()
    await this.kill()
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true })
  }
}
