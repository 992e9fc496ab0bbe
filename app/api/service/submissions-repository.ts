import type { Queryable } from '../../store/db'

/** A submission as handed over to the service provider. */
export interface SubmissionItem {
  reference: string
  application: string
  answers: unknown
  channel: 'online' | 'assisted'
  staffId: string | null
  consentAt: string | null
  locale: string
  startedAt: string
  submittedAt: string
}

interface Row {
  id: string
  reference: string
  application: string
  answers: string
  channel: 'online' | 'assisted'
  staff_id: string | null
  consent_at: string | null
  locale: string
  started_at: string
  submitted_at: string
}

const toItem = (row: Row): SubmissionItem => ({
  reference: row.reference,
  application: row.application,
  answers: JSON.parse(row.answers) as unknown,
  channel: row.channel,
  staffId: row.staff_id,
  consentAt: row.consent_at,
  locale: row.locale,
  startedAt: row.started_at,
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
  opts: { since?: string; cursor?: string; limit: number; application?: string },
): Promise<Page> {
  let after = { at: opts.since ?? '', id: '' }
  if (opts.cursor) {
    const [at, id] = Buffer.from(opts.cursor, 'base64url').toString('utf8').split('|')
    after = { at: at ?? '', id: id ?? '' }
  }
  const rows = await q.all<Row>(
    `SELECT * FROM submissions WHERE (submitted_at > $1 OR (submitted_at = $1 AND id > $2)) AND ($3 = '' OR application = $3)
     ORDER BY submitted_at, id LIMIT $4`,
    [after.at, after.id, opts.application ?? '', opts.limit + 1],
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
  const row = await q.get<Row>('SELECT * FROM submissions WHERE reference = $1', [reference])
  return row ? toItem(row) : undefined
}

/**
 * Records that the provider has collected these submissions: the retention clock for a
 * submission starts at its first hand-over (app/retention/purge.ts).
 */
export async function markHandedOver(q: Queryable, references: readonly string[], now: Date): Promise<void> {
  for (const reference of references)
    await q.run('UPDATE submissions SET handed_over_at = $2 WHERE reference = $1 AND handed_over_at IS NULL', [
      reference,
      now.toISOString(),
    ])
}
