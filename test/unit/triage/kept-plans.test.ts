import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { migrate } from '../../../app/store/migrate'
import { SqliteDb } from '../../../app/store/sqlite'
import type { Queryable } from '../../../app/store/db'
import { findLiveKeptPlan, keepPlan } from '../../../app/triage/service/kept-plans'
import { hashLinkToken } from '../../../app/triage/service/link-token'
import { stoppedClock, TEST_NOW } from '../../helpers/clock'

const DAY = 86_400_000
const CITIZEN = { actorType: 'citizen', actorId: null, channel: 'online' } as const
let db: SqliteDb

beforeEach(async () => {
  db = new SqliteDb(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'portal-kept-')), 'test.sqlite'))
  await migrate(db, stoppedClock)
})
afterEach(() => db.close())

async function kept(email = 'a@example.com') {
  await keepPlan(
    db,
    { outcome: 'caring', answers: { nation: 'wales' }, language: 'cy', email, actor: CITIZEN },
    TEST_NOW,
    {
      days: 28,
      serviceUrl: 'https://portal.example',
    },
  )
  const row = await db.get<{ personalisation: string }>(
    "SELECT personalisation FROM outbox WHERE recipient = $1 AND template = 'plan-kept'",
    [email],
  )
  const link = new URL((JSON.parse(row?.personalisation ?? '{}') as { link: string }).link)
  return { link, token: link.pathname.split('/').pop() ?? '' }
}

describe('kept plan links', () => {
  it('are 32 random bytes in base64url, different every time, in the chosen language, stored only as SHA-256', async () => {
    const one = await kept('one@example.com')
    const two = await kept('two@example.com')
    expect(one.token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Buffer.from(one.token, 'base64url')).toHaveLength(32)
    expect(one.token).not.toBe(two.token)
    expect(one.link.origin + one.link.pathname).toBe(`https://portal.example/plan/kept/${one.token}`)
    expect(one.link.searchParams.get('lang')).toBe('cy')
    const stored = await db.all<{ token_hash: string }>('SELECT token_hash FROM kept_plans')
    expect(stored.map((r) => r.token_hash).sort()).toEqual([hashLinkToken(one.token), hashLinkToken(two.token)].sort())
  })

  it('open until the instant they expire, 28 days on, and not at it', async () => {
    const { token } = await kept()
    const expiry = TEST_NOW.getTime() + 28 * DAY
    expect((await findLiveKeptPlan(db, token, new Date(expiry - 1)))?.language).toBe('cy')
    expect(await findLiveKeptPlan(db, token, new Date(expiry))).toBeUndefined()
  })

  it('never look up a token of the wrong shape (a NUL, a path, a long string)', async () => {
    const refusing: Queryable = {
      all: () => Promise.reject(new Error('looked up')),
      get: () => Promise.reject(new Error('looked up')),
      run: () => Promise.reject(new Error('looked up')),
    }
    for (const token of [
      '',
      'A'.repeat(42),
      'A'.repeat(44),
      `${'A'.repeat(42)}\0`,
      '../../etc/passwd',
      'A'.repeat(500),
    ])
      expect(await findLiveKeptPlan(refusing, token, TEST_NOW)).toBeUndefined()
  })
})
