import request from 'supertest'
import { recordAudit } from '../../../app/audit/service/record'
import { createLogger } from '../../../app/logger'
import { deliverDue } from '../../../app/notify/deliver'
import { LocalNotifier } from '../../../app/notify/notifier'
import { enqueue } from '../../../app/notify/outbox'
import { purgeExpired } from '../../../app/retention/purge'
import type { RetentionPolicy } from '../../../app/retention/policy'
import { migrate } from '../../../app/store/migrate'
import { stoppedClock } from '../../helpers/clock'
import { contractBackends } from '../../helpers/backends'
import { createTestApp } from '../../helpers/app'
import { signedInClient } from '../../helpers/staff'

const policy: RetentionPolicy = {
  sessionMinutes: 20,
  draftDays: 28,
  keptPlanDays: 28,
  outboxDays: 7,
  submissionDays: 30,
  feedbackTextDays: 90,
  staffSignInSourceDays: 30,
  auditYears: 6,
}
const DAY = 86_400_000

async function submission(
  db: { run: (sql: string, p: string[]) => Promise<unknown> },
  id: string,
  handedOver: string | null,
) {
  await db.run(
    `INSERT INTO submissions (id, draft_id, reference, application, answers, channel, staff_id, consent_at, locale, started_at, submitted_at, handed_over_at)
     VALUES ($1, $1, $2, 'dbs-basic', '{}', 'online', NULL, NULL, 'en', $3, $3, $4)`,
    [id, `DBS-${id}`, '2026-01-01T00:00:00.000Z', handedOver] as string[],
  )
}

describe.each(contractBackends().map((f) => [f.dialect, f] as const))('retention on %s', (_dialect, factory) => {
  it('deletes what the policy no longer allows, keeps the rest, and leaves no live token in the outbox once sent', async () => {
    const database = await factory.create()
    const db = database.open()
    try {
      await migrate(db, stoppedClock)
      const now = new Date()
      const ago = (days: number) => new Date(now.getTime() - days * DAY)
      // Outbox: one email sent 8 days ago, one just now; both hold a link until sent.
      for (const at of [ago(8), now])
        await enqueue(
          db,
          {
            template: 'draft-saved',
            recipient: 'someone@example.com',
            personalisation: { link: 'https://x/apply/resume/SECRET' },
          },
          at.toISOString(),
        )
      await deliverDue(db, new LocalNotifier(createLogger('silent')), createLogger('silent'), () => now)
      const sent = await db.all<{ recipient: string; personalisation: string }>(
        'SELECT recipient, personalisation FROM outbox',
      )
      expect(sent).toHaveLength(2)
      for (const row of sent) expect(row).toEqual({ recipient: '', personalisation: '{}' })
      await db.run('UPDATE outbox SET sent_at = $1 WHERE created_at = $2', [ago(8).toISOString(), ago(8).toISOString()])
      // Submissions: collected 31 days ago, collected yesterday, never collected.
      await submission(db, 'A1', ago(31).toISOString())
      await submission(db, 'B2', ago(1).toISOString())
      await submission(db, 'C3', null)
      // Audit: one event older than six years, one not.
      await recordAudit(db, {
        at: ago(6 * 366 + 2).toISOString(),
        actorType: 'citizen',
        action: 'ancient',
        channel: 'online',
      })
      await recordAudit(db, { at: ago(1).toISOString(), actorType: 'citizen', action: 'recent', channel: 'online' })

      // Feedback: text sent 91 days ago loses its words but keeps its rating; text from 89 days ago stays.
      for (const [id, days] of [
        ['old', 91],
        ['new', 89],
      ] as const)
        await db.run(
          `INSERT INTO feedback (id, day, ending, outcome, language, channel, rating, improvement)
           VALUES ($1, $2, 'plan', 'caring', 'en', 'online', 4, 'More about respite care')`,
          [id, ago(days).toISOString().slice(0, 10)],
        )

      // Where staff signed in from: a source last used 31 days ago goes, one used 29 days ago stays.
      for (const [source, days] of [
        ['stale', 31],
        ['recent', 29],
      ] as const)
        await db.run('INSERT INTO staff_sign_in_sources (account_id, source, last_success_at) VALUES ($1, $2, $3)', [
          'gone-adviser',
          source,
          ago(days).toISOString(),
        ])

      const result = await purgeExpired(db, policy, now)
      expect(result).toMatchObject({
        ran: true,
        outbox: 1,
        submissions: 1,
        feedbackTexts: 1,
        staffSignInSources: 1,
        audit: 1,
      })
      expect(await db.all('SELECT source FROM staff_sign_in_sources')).toEqual([{ source: 'recent' }])
      expect(await db.all('SELECT id, rating, improvement FROM feedback ORDER BY id')).toEqual([
        { id: 'new', rating: 4, improvement: 'More about respite care' },
        { id: 'old', rating: 4, improvement: null },
      ])
      expect(await db.all('SELECT id FROM submissions ORDER BY id')).toEqual([{ id: 'B2' }, { id: 'C3' }])
      expect(await db.all('SELECT action FROM audit_events')).toEqual([{ action: 'recent' }])
      expect(await db.all('SELECT id FROM outbox')).toHaveLength(1)
    } finally {
      await db.close()
      await database.destroy()
    }
  })

  if (factory.dialect === 'postgres')
    it('purges on one instance at a time: a second purge at the same moment leaves it to the first', async () => {
      const database = await factory.create()
      const [one, two] = [database.open(), database.open()]
      try {
        await migrate(one, stoppedClock)
        let release: () => void = () => undefined
        const holding = one.transaction(async (tx) => {
          await tx.get('SELECT pg_advisory_xact_lock(727275)')
          await new Promise<void>((resolve) => (release = resolve))
        })
        await new Promise((resolve) => setTimeout(resolve, 100))
        expect(await purgeExpired(two, policy, new Date())).toMatchObject({ ran: false })
        release()
        await holding
        expect(await purgeExpired(two, policy, new Date())).toMatchObject({ ran: true })
      } finally {
        await Promise.all([one.close(), two.close()])
        await database.destroy()
      }
    })
})

describe('the privacy page', () => {
  it('states the retention policy the portal is configured with', async () => {
    const t = await createTestApp({
      RETENTION_SUBMISSION_DAYS: '45',
      RETENTION_OUTBOX_DAYS: '3',
      SESSION_IDLE_MINUTES: '25',
      RETENTION_FEEDBACK_TEXT_DAYS: '60',
    })
    try {
      const page = (await request(t.app).get('/privacy')).text
      expect(page).toContain('applications you have sent: 45 days after')
      expect(page).toContain('deleted 3 days after we send it')
      expect(page).toContain('25 minutes after you last use the service')
      expect(page).toContain('6 years')
      expect(page).toContain('feedback page: 60 days after you send it')
      const welsh = (await request(t.app).get('/privacy?lang=cy')).text
      expect(welsh).toContain('45 diwrnod ar ôl')
    } finally {
      await t.close()
    }
  })
})

describe('the staff notice', () => {
  it('tells staff, on their home page, how long where they sign in from is kept', async () => {
    const t = await createTestApp({ RETENTION_STAFF_SIGN_IN_SOURCE_DAYS: '45' })
    try {
      const { client } = await signedInClient(t, 'adviser')
      expect((await client.get('/staff')).text).toContain(
        'Each one is deleted 45 days after you last signed in from it.',
      )
      expect((await client.get('/staff?lang=cy')).text).toContain('Caiff pob un ei ddileu 45 diwrnod ar ôl')
    } finally {
      await t.close()
    }
  })

  it('refuses a period shorter than the 30 days sign-in throttling looks back', async () => {
    await expect(createTestApp({ RETENTION_STAFF_SIGN_IN_SOURCE_DAYS: '29' })).rejects.toThrow()
  })
})
