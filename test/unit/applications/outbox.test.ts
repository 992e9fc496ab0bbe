import { SqliteDb } from '../../../app/store/sqlite'
import { migrate } from '../../../app/store/migrate'
import { stoppedClock } from '../../helpers/clock'
import { enqueue, type OutboxRow } from '../../../app/notify/outbox'
import { deliverDue } from '../../../app/notify/deliver'
import type { Notifier } from '../../../app/notify/notifier'
import { createLogger } from '../../../app/logger'

const logger = createLogger('silent')

describe('the notification outbox', () => {
  let db: SqliteDb
  beforeEach(async () => {
    db = new SqliteDb(':memory:')
    await migrate(db, stoppedClock)
  })
  afterEach(() => db.close())

  const rows = () => db.all<OutboxRow>('SELECT * FROM outbox ORDER BY created_at')

  it('sends what is due once and marks it sent', async () => {
    const sent: string[] = []
    const notifier: Notifier = {
      kind: 'local',
      send: async (template, recipient) => void sent.push(`${template} ${recipient}`),
    }
    await enqueue(
      db,
      { template: 'draft-saved', recipient: 'a@example.com', personalisation: { reference: 'DBS-2222-2222' } },
      '2026-11-25T10:00:00.000Z',
    )
    const now = () => new Date('2026-11-25T10:00:01Z')
    expect(await deliverDue(db, notifier, logger, now)).toBe(1)
    expect(await deliverDue(db, notifier, logger, now)).toBe(0)
    expect(sent).toEqual(['draft-saved a@example.com'])
    expect((await rows())[0]).toMatchObject({ status: 'sent', attempts: 1 })
  })

  it('retries a failed email later, and gives up after five attempts', async () => {
    const notifier: Notifier = {
      kind: 'notify',
      send: async () => {
        throw new Error('Notify is down')
      },
    }
    await enqueue(
      db,
      { template: 'application-submitted', recipient: 'b@example.com', personalisation: {} },
      '2026-11-25T10:00:00.000Z',
    )
    let at = new Date('2026-11-25T10:00:00Z').getTime()
    for (let i = 0; i < 5; i++) {
      await deliverDue(db, notifier, logger, () => new Date(at))
      const [row] = await rows()
      at = new Date(row?.next_attempt_at ?? 0).getTime()
    }
    expect((await rows())[0]).toMatchObject({ status: 'failed', attempts: 5 })
  })
})
