import { recordAudit } from '../../../app/audit/service/record'
import { createTestApp, type TestApp } from '../../helpers/app'
import { signedInClient } from '../../helpers/staff'

const FORMULAS = ['=cmd|calc', '+cmd|calc', '-cmd|calc', '@SUM(cmd|calc)', '\tcmd|calc', '\rcmd|calc']

/**
 * The events table alone: whether a filter kept the admin's own sign-in is a question about
 * its rows, not the page (every staff page's header says who is signed in).
 */
const events = (html: string) => /<table\b[\s\S]*?<\/table>/.exec(html)?.[0] ?? ''

describe('audit trail', () => {
  let t: TestApp

  beforeAll(async () => {
    t = await createTestApp()
    await recordAudit(t.runtime.db, {
      at: '2026-01-02T10:00:00.000Z',
      actorType: 'citizen',
      action: 'application-submitted',
      reference: 'DBS-4KX7-93TQ',
      channel: 'online',
    })
    // Every start a spreadsheet reads as a formula (OWASP's list): =, +, -, @, tab, carriage return.
    for (const [i, action] of FORMULAS.entries())
      await recordAudit(t.runtime.db, {
        at: `2026-01-0${3 + i}T10:00:00.000Z`,
        actorType: 'citizen',
        action,
        reference: null,
        channel: 'online',
      })
  })
  afterAll(async () => {
    await t.close()
  })

  it('shows an admin every event, newest first, and filters by action, reference and dates', async () => {
    const { client, staff } = await signedInClient(t, 'admin')
    const all = await client.get('/staff/audit')
    expect(all.status).toBe(200)
    expect(all.text).toContain('DBS-4KX7-93TQ')
    expect(events(all.text)).toContain(staff.email)
    expect(all.text).toContain('Download these events as a CSV file')

    const byReference = await client.get('/staff/audit?reference=dbs-4kx7-93tq')
    expect(byReference.text).toContain('DBS-4KX7-93TQ')
    expect(events(byReference.text)).not.toContain(staff.email)

    const byAction = await client.get('/staff/audit?action=staff-sign-in')
    expect(events(byAction.text)).toContain(staff.email)
    expect(byAction.text).not.toContain('DBS-4KX7-93TQ')

    const byDate = await client.get('/staff/audit?from=2026-01-02&to=2026-01-02')
    expect(byDate.text).toContain('DBS-4KX7-93TQ')
    expect(events(byDate.text)).not.toContain(staff.email)

    const nonsense = await client.get('/staff/audit?from=yesterday&page=-4&action=%3Cscript%3E')
    expect(nonsense.status).toBe(200)
  })

  it('filters by dates typed as day, month and year (GOV.UK date inputs), and says when one is not real', async () => {
    const { client, staff } = await signedInClient(t, 'admin')
    const page = await client.get('/staff/audit')
    expect(page.text).toContain('name="from-day"')
    expect(page.text).not.toContain('type="date"')
    expect(page.text).toContain('class="govuk-select"')
    const byDate = await client.get(
      '/staff/audit?from-day=2&from-month=1&from-year=2026&to-day=2&to-month=1&to-year=2026',
    )
    expect(byDate.status).toBe(200)
    expect(byDate.text).toContain('DBS-4KX7-93TQ')
    expect(events(byDate.text)).not.toContain(staff.email)
    // The pages and the export keep the dates.
    expect(byDate.text).toContain('/staff/audit.csv?from=2026-01-02&amp;to=2026-01-02')
    const wrong = await client.get('/staff/audit?from-day=31&from-month=2&from-year=2026')
    expect(wrong.status).toBe(400)
    expect(wrong.text).toContain('The first date must be a real date')
    expect(wrong.text).toContain('href="#from-day"')
    expect(wrong.text).toContain('value="31"')
  })

  it('exports the filtered trail as CSV for admins, safe to open in a spreadsheet', async () => {
    const { client } = await signedInClient(t, 'admin')
    // The seeded events are from 2 to 8 January; the test app's clock (and so every staff
    // event) stands on 15 January, outside the filter.
    const res = await client.get('/staff/audit.csv?from=2026-01-01&to=2026-01-10')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toMatch(/^text\/csv/)
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit-2026-11-30.csv"')
    const lines = res.text.split('\r\n')
    expect(lines[0]).toBe('id,at,actor_type,actor_id,actor_email,action,reference,channel')
    expect(lines.at(-1)).toBe('')
    expect(lines).toHaveLength(2 + 1 + FORMULAS.length)
    expect(lines[1]).toContain(',application-submitted,DBS-4KX7-93TQ,online')
    // Each formula cell starts with an apostrophe, so a spreadsheet shows it as text; the one
    // holding a carriage return is also quoted, so it stays one cell.
    expect(lines.slice(2, -1).map((line) => line.split(',citizen,,,')[1])).toEqual([
      "'=cmd|calc,,online",
      "'+cmd|calc,,online",
      "'-cmd|calc,,online",
      "'@SUM(cmd|calc),,online",
      "'\tcmd|calc,,online",
      '"\'\rcmd|calc",,online',
    ])
  })

  it('lets an auditor read the trail but not export it', async () => {
    const { client } = await signedInClient(t, 'auditor')
    const page = await client.get('/staff/audit')
    expect(page.status).toBe(200)
    expect(page.text).not.toContain('Download these events as a CSV file')
    expect((await client.get('/staff/audit.csv')).status).toBe(403)
  })

  it('records views and exports of the trail, and sign-outs', async () => {
    const { client, staff } = await signedInClient(t, 'admin')
    await client.get('/staff/audit')
    await client.get('/staff/audit.csv')
    await client.post('/staff/sign-out', {}, '/staff')
    const actions = await t.runtime.db.all<{ action: string }>('SELECT action FROM audit_events WHERE actor_id = $1', [
      staff.id,
    ])
    expect(actions.map((a) => a.action).sort()).toEqual([
      'audit-exported',
      'audit-viewed',
      'staff-sign-in',
      'staff-sign-out',
    ])
  })
})
