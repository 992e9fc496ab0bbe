import type { Db, Queryable } from '../../store/db'
import { recordAudit } from '../../audit/service/record'

/**
 * A submission as handed over to the service provider: only what the provider needs to
 * process it. Which member of staff helped, and when the draft was started, stay with us
 * (the audit trail has them); the provider needs only that it was an assisted application.
 */
export interface SubmissionItem {
  reference: string
  application: string
  answers: unknown
  channel: 'online' | 'assisted'
  consentAt: string | null
  locale: string
  submittedAt: string
}

/** Only the columns the provider is given, and the id the cursor needs. */
const COLUMNS = 'id, reference, application, answers, channel, consent_at, locale, submitted_at'

interface Row {
  id: string
  reference: string
  application: string
  answers: string
  channel: 'online' | 'assisted'
  consent_at: string | null
  locale: string
  submitted_at: string
}

const toItem = (row: Row): SubmissionItem => ({
  reference: row.reference,
  application: row.application,
  answers: JSON.parse(row.answers) as unknown,
  channel: row.channel,
  consentAt: row.consent_at,
  locale: row.locale,
  submittedAt: row.submitted_at,
})

export interface Page {
  items: SubmissionItem[]
  /** Opaque position after the last item, or null at the end. */
  cursor: string | null
}

/**
 * Keyset paging on (submitted_at, id): stable while new submissions arrive, and cheap at
 * any depth, unlike OFFSET. The cursor is the last row's pair, base64url-encoded.
 */
export async function listSubmissions(
  q: Queryable,
  /** Which applications to list; the operator's export omits it to list every one. */
  opts: { since?: string; cursor?: string; limit: number; applications?: readonly string[] },
): Promise<Page> {
  let after = { at: opts.since ?? '', id: '' }
  if (opts.cursor) {
    const [at, id] = Buffer.from(opts.cursor, 'base64url').toString('utf8').split('|')
    after = { at: at ?? '', id: id ?? '' }
  }
  const applications = opts.applications ?? []
  if (opts.applications && applications.length === 0) return { items: [], cursor: null }
  const scope = opts.applications ? `AND application IN (${applications.map((_, i) => `$${i + 4}`).join(', ')})` : ''
  const rows = await q.all<Row>(
    `SELECT ${COLUMNS} FROM submissions WHERE (submitted_at > $1 OR (submitted_at = $1 AND id > $2)) ${scope}
     ORDER BY submitted_at, id LIMIT $3`,
    [after.at, after.id, opts.limit + 1, ...applications],
  )
  const page = rows.slice(0, opts.limit)
  const last = page[page.length - 1]
  return {
    items: page.map(toItem),
    cursor:
      rows.length > opts.limit && last ? Buffer.from(`${last.submitted_at}|${last.id}`).toString('base64url') : null,
  }
}

export async function findSubmission(q: Queryable, reference: string): Promise<SubmissionItem | undefined> {
  const row = await q.get<Row>(`SELECT ${COLUMNS} FROM submissions WHERE reference = $1`, [reference])
  return row ? toItem(row) : undefined
}

/**
 * Records that a provider has collected these submissions: one audit row per application
 * read, by the key's name, and the first hand-over time, which starts the submission's
 * retention clock (app/retention/purge.ts). One transaction, so a read is never half-recorded.
 */
export async function recordHandOver(
  db: Db,
  items: readonly Pick<SubmissionItem, 'reference' | 'channel'>[],
  keyName: string,
  now: Date,
): Promise<void> {
  if (items.length === 0) return
  const at = now.toISOString()
  await db.transaction(async (tx) => {
    for (const { reference, channel } of items) {
      await tx.run('UPDATE submissions SET handed_over_at = $2 WHERE reference = $1 AND handed_over_at IS NULL', [
        reference,
        at,
      ])
      await recordAudit(tx, {
        at,
        actorType: 'provider',
        actorId: keyName,
        action: 'submission-read',
        reference,
        channel,
      })
    }
  })
}
