import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { Browserish, type TestApp } from '../../helpers/app'
import { answerAll, applicationsApp, submit } from './harness'

const cli = path.join(__dirname, '..', '..', '..', 'dist', 'cli', 'export-submissions.js')

describe('npm run export:submissions', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await applicationsApp()
    const browser = new Browserish(t.app)
    await answerAll(browser, 'dbs-basic')
    await submit(browser, 'dbs-basic')
  })
  afterAll(() => t.close())

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [cli, ...args], {
      env: { ...process.env, NODE_ENV: 'test', DATA_DIR: t.dataDir },
      encoding: 'utf8',
    })

  it('writes the submissions since a date as CSV, answers included', () => {
    const result = run('--since', '2000-01-01')
    expect(result.status).toBe(0)
    const [header, first] = result.stdout.split('\r\n')
    expect(header).toBe('reference,application,channel,consent_at,locale,submitted_at,answers')
    expect(first).toMatch(/^DBS-[2-9A-Z]{4}-[2-9A-Z]{4},dbs-basic,online,/)
    expect(first).toContain('""fullName"":""Alys Jones""')
  })

  it('writes only the header when nothing was sent since the date', () => {
    expect(run('--since', '2999-01-01').stdout).toBe(
      'reference,application,channel,consent_at,locale,submitted_at,answers\r\n',
    )
  })

  it('explains itself when the date is missing', () => {
    const result = run()
    expect(result.status).toBe(2)
    expect(result.stderr).toContain('--since')
  })
})
