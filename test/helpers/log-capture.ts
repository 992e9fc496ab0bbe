import { Writable } from 'node:stream'

/** Every line the app logs, parsed, for tests that read the log as an operator would. */
export class LogCapture {
  readonly raw: string[] = []
  readonly stream = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      for (const line of chunk.toString('utf8').split('\n')) if (line) this.raw.push(line)
      done()
    },
  })

  get lines(): Record<string, unknown>[] {
    return this.raw.map((line) => JSON.parse(line) as Record<string, unknown>)
  }

  /** The security events logged so far, by type. */
  events(type?: string): Record<string, unknown>[] {
    return this.lines.filter((l) => l.log === 'security' && (type === undefined || l.event === type))
  }

  clear(): void {
    this.raw.length = 0
  }
}
