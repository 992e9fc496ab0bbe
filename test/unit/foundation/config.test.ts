import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ConfigError, loadConfig } from '../../../app/config'

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'portal-config-'))

describe('configuration', () => {
  it('needs no variables in development: port 3000, ./data, a generated secret kept for the next start', () => {
    const dir = path.join(tempDir(), 'data')
    const first = loadConfig({ DATA_DIR: dir })
    expect(first.port).toBe(3000)
    expect(first.env).toBe('development')
    expect(fs.existsSync(dir)).toBe(true)
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32)
    expect(loadConfig({ DATA_DIR: dir }).sessionSecret).toBe(first.sessionSecret)
  })

  it('defaults DATA_DIR to ./data under the working directory', () => {
    const cwd = process.cwd()
    const dir = tempDir()
    process.chdir(dir)
    try {
      expect(loadConfig({}).dataDir).toBe(path.join(fs.realpathSync(dir), 'data'))
    } finally {
      process.chdir(cwd)
    }
  })

  it('refuses to start in production without SESSION_SECRET, naming it in one line', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tempDir() })).toThrow(ConfigError)
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tempDir() })).toThrow(
      /^SESSION_SECRET is required[^\n]*$/,
    )
  })

  it('refuses to start in production without SERVICE_URL (emailed links would point at localhost)', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) } as const
    expect(() => loadConfig({ ...production, DATA_DIR: tempDir() })).toThrow(/^SERVICE_URL is required[^\n]*$/)
    expect(
      loadConfig({ ...production, SERVICE_URL: 'https://apply.example.gov.uk', DATA_DIR: tempDir() }),
    ).toMatchObject({ serviceUrl: 'https://apply.example.gov.uk' })
  })

  it('names the variable when one is malformed', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATA_DIR: tempDir() })).toThrow(/PORT/)
    expect(() => loadConfig({ BRAND: 'crown', DATA_DIR: tempDir() })).toThrow(/BRAND/)
  })

  it('honours PORT, the brand and the idle limit', () => {
    const config = loadConfig({ PORT: '8123', BRAND: 'govuk', SESSION_IDLE_MINUTES: '5', DATA_DIR: tempDir() })
    expect(config).toMatchObject({ port: 8123, brand: 'govuk', sessionIdleMinutes: 5 })
  })
})
