import type { Db } from '../../../app/store/db'
import { createLogger } from '../../../app/logger'
import { migrate } from '../../../app/store/migrate'
import { stoppedClock } from '../../helpers/clock'
import { deliverDue } from '../../../app/notify/deliver'
import type { Notifier } from '../../../app/notify/notifier'
import { enqueue } from '../../../app/notify/outbox'
import { claimDue } from '../../../app/notify/outbox-lease'
import { contractBackends } from '../../helpers/backends'

const logger = createLogger('silent')
const T0 = new Date('2026-01-05T09:00:00.000Z')
const at = (ms: number) => new Date(T0.getTime() + ms)

/** Stands in for GOV.UK Notify: remembers every email it accepted, by reference. */
class RecordingNotifier implements Notifier {
  readonly kind = 'local' as const
  readonly sent: string[] = []
  failuresLeft = 0

  async send(_template: string, _recipient: string, _p: unknown, reference: string): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 3))
    if (this.failuresLeft > 0) {
      this.failuresLeft -= 1
      throw new Error('Notify said 500')
    }
    this.sent.push(reference)
  }

  async wasSent(reference: string): Promise<boolean> {
    return this.sent.includes(reference)
  }
}

async function fill(db: Db, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await enqueue(
      db,
      { template: 'application-submitted', recipient: `c${i}@example.com`, personalisation: { reference: `R${i}` } },
      T0.toISOString(),
    )
  }
}

async function drain(db: Db, notifier: Notifier, now: () => Date): Promise<void> {
  while ((await deliverDue(db, notifier, logger, now, 5)) > 0);
}

describe.each(contractBackends())('outbox delivery on $dialect', (factory) => {
  let handle: Awaited<ReturnType<typeof factory.create>>
  let instances: Db[]

  beforeEach(async () => {
    handle = await factory.create()
    instances = [handle.open(), handle.open(), handle.open()]
    await migrate(instances[0] as Db, stoppedClock)
  })

  afterEach(async () => {
    await Promise.all(instances.map((db) => db.close()))
    await handle.destroy()
  })

  it('sends each email exactly once when every instance runs the worker at the same time', async () => {
    const [first] = instances as [Db]
    await fill(first, 60)
    const notifier = new RecordingNotifier()
    await Promise.all(instances.map((db) => drain(db, notifier, () => at(1000))))
    expect(notifier.sent).toHaveLength(60)
    expect(new Set(notifier.sent).size).toBe(60)
    expect(await first.get("SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'")).toEqual({ n: 60 })
  })

  it('neither loses nor repeats an email when the instance sending it dies', async () => {
    const [first, second] = instances as [Db, Db]
    await fill(first, 10)
    const notifier = new RecordingNotifier()
    // The first instance claims everything, gets half out to Notify, then dies without recording it.
    const claimed = await claimDue(first, at(1000), 60_000, 10)
    for (const row of claimed.slice(0, 5)) await notifier.send(row.template, row.recipient, {}, row.id)
    // While its lease lasts nobody touches those rows …
    expect(await deliverDue(second, notifier, logger, () => at(30_000))).toBe(0)
    // … and once it has run out another instance finishes the job, skipping what already went.
    await drain(second, notifier, () => at(62_000))
    expect([...notifier.sent].sort()).toEqual(claimed.map((row) => row.id).sort())
    expect(await first.get("SELECT COUNT(*) AS n FROM outbox WHERE status = 'sent'")).toEqual({ n: 10 })
  })

  it('retries a failed email later, waiting longer each time, and gives up for a person to look at', async () => {
    const [db] = instances as [Db]
    await fill(db, 1)
    const notifier = new RecordingNotifier()
    notifier.failuresLeft = 1
    expect(await deliverDue(db, notifier, logger, () => at(0))).toBe(0)
    const row = await db.get<{ status: string; next_attempt_at: string }>('SELECT status, next_attempt_at FROM outbox')
    expect(row?.status).toBe('pending')
    expect(Date.parse(row?.next_attempt_at ?? '') - T0.getTime()).toBeGreaterThanOrEqual(24_000)
    expect(await deliverDue(db, notifier, logger, () => at(1000))).toBe(0)
    expect(await deliverDue(db, notifier, logger, () => at(60_000))).toBe(1)

    await fill(db, 1)
    notifier.failuresLeft = 100
    for (let hour = 1; hour <= 12; hour++) await deliverDue(db, notifier, logger, () => at(hour * 3_600_000))
    expect(await db.get("SELECT status, attempts FROM outbox WHERE status <> 'sent'")).toEqual({
      status: 'failed',
      attempts: 5,
    })
  })
})
