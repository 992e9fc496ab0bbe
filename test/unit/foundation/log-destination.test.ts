import { spawnTsChild } from '../../helpers/ts-child'

/** What the child wrote to stdout before it ended (or, with `until`, once that text appears, then it is killed). */
function stdoutOf(how: string, until?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawnTsChild('batched-log.ts', [how])
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8')
      if (until && out.includes(until)) child.kill('SIGKILL')
    })
    child.on('error', reject)
    child.on('close', () => resolve(out))
  })
}

// The access log is written in batches (app/log-destination.ts): one line sits below the
// batch size, so it reaches stdout only if the batch is written out when the process ends.
describe('batched log output', () => {
  it.each(['exit', 'throw', 'reject'])('writes the held lines when the process ends by %s', async (how) => {
    const out = await stdoutOf(how)
    const lines = out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines).toEqual([expect.objectContaining({ msg: 'request', requestId: 'r-1', status: 200 })])
  })

  it('writes a quiet process’s lines within about a second, while it runs', async () => {
    const started = Date.now()
    const out = await stdoutOf('wait', '\n')
    expect(out).toContain('"requestId":"r-1"')
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})
