import { recordAudit } from '../../../app/audit/service/record'
import { migrate } from '../../../app/store/migrate'
import { stoppedClock } from '../../helpers/clock'
import { contractBackends } from '../../helpers/backends'

describe.each(contractBackends().map((f) => [f.dialect, f] as const))('audit trail on %s', (_dialect, factory) => {
  it('accepts new events but refuses to change or delete any', async () => {
    const database = await factory.create()
    const db = database.open()
    try {
      await migrate(db, stoppedClock)
      await recordAudit(db, {
        at: new Date().toISOString(),
        actorType: 'staff',
        actorId: 's1',
        action: 'staff-sign-in',
        channel: 'assisted',
      })
      await expect(db.run("UPDATE audit_events SET action = 'nothing'")).rejects.toThrow(/append-only/)
      await expect(db.run('DELETE FROM audit_events')).rejects.toThrow(/append-only/)
      if (db.dialect === 'postgres') await expect(db.run('TRUNCATE audit_events')).rejects.toThrow(/append-only/)
      const rows = await db.all<{ action: string }>('SELECT action FROM audit_events')
      expect(rows).toEqual([{ action: 'staff-sign-in' }])
    } finally {
      await db.close()
      await database.destroy()
    }
  })

  it('lets only rows older than six years go (the retention purge), never a younger one', async () => {
    const database = await factory.create()
    const db = database.open()
    try {
      await migrate(db, stoppedClock)
      const yearsAgo = (years: number, days = 0) =>
        new Date(Date.now() - (years * 365.25 + days) * 86_400_000).toISOString()
      for (const [action, at] of [
        ['old-enough', yearsAgo(6, 3)],
        ['not-yet', yearsAgo(6, -3)],
      ] as const)
        await recordAudit(db, { at, actorType: 'citizen', action, channel: 'online' })
      await expect(db.run('DELETE FROM audit_events')).rejects.toThrow(/append-only/)
      expect((await db.run("DELETE FROM audit_events WHERE action = 'old-enough'")).changes).toBe(1)
      await expect(db.run("DELETE FROM audit_events WHERE action = 'not-yet'")).rejects.toThrow(/append-only/)
    } finally {
      await db.close()
      await database.destroy()
    }
  })
})
