import net from 'node:net'

/**
 * A loopback TCP forwarder the test controls, standing between an instance and the shared
 * PostgreSQL: `cut()` drops every connection and refuses new ones (the database "goes
 * away" for this instance only), `restore()` lets traffic through again. `freeze()` is
 * the nastier failure: connections stay open and new ones are accepted, but no byte moves
 * either way (a paused server or a network black hole); `thaw()` delivers what was held.
 */
export class TcpProxy {
  private readonly sockets = new Set<net.Socket>()
  private readonly held: (() => void)[] = []
  private open = true
  private frozen = false

  private constructor(
    private readonly server: net.Server,
    readonly port: number,
  ) {}

  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<TcpProxy> {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const proxy = new TcpProxy(server, (server.address() as net.AddressInfo).port)
    server.on('connection', (client) => proxy.forward(client, targetPort, targetHost))
    return proxy
  }

  private forward(client: net.Socket, targetPort: number, targetHost: string): void {
    if (!this.open) {
      client.destroy()
      return
    }
    const upstream = net.connect(targetPort, targetHost)
    for (const socket of [client, upstream]) {
      this.sockets.add(socket)
      socket.on('close', () => this.sockets.delete(socket))
      socket.on('error', () => undefined)
    }
    this.relay(client, upstream)
    this.relay(upstream, client)
    client.on('close', () => upstream.destroy())
    upstream.on('close', () => client.destroy())
  }

  private relay(from: net.Socket, to: net.Socket): void {
    from.on('data', (chunk: Buffer) => {
      if (this.frozen) this.held.push(() => to.write(chunk))
      else to.write(chunk)
    })
  }

  freeze(): void {
    this.frozen = true
  }

  thaw(): void {
    this.frozen = false
    for (const deliver of this.held.splice(0)) deliver()
  }

  /** Rewrites a URL's host and port to go through the proxy. */
  via(url: string): string {
    const proxied = new URL(url)
    proxied.hostname = '127.0.0.1'
    proxied.port = String(this.port)
    return proxied.toString()
  }

  cut(): void {
    this.open = false
    this.frozen = false
    this.held.length = 0
    for (const socket of this.sockets) socket.destroy()
  }

  restore(): void {
    this.open = true
  }

  async close(): Promise<void> {
    this.cut()
    await new Promise<void>((resolve) => this.server.close(() => resolve()))
  }
}
