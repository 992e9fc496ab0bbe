/** A stored session as its row holds it: the JSON text and when it expires (ms, app clock). */
export interface SessionRow {
  data: string
  expiresAt: number
}

/**
 * Characters of session JSON kept at most: a few thousand citizens' sessions (a typical one
 * is about 1,000 characters) in at most 8 MB, however many sessions are stored. Past it, the
 * session read longest ago is dropped and comes from the database again when next needed.
 */
export const MAX_CACHED_CHARS = 4 * 1024 * 1024

/**
 * The embedded database's session rows, kept in memory as they were last read or written,
 * so that a returning page view reads its session without a database round trip (issue 21:
 * the SQLite read cost a tenth of a question page's CPU time).
 *
 * Exact, not eventually right, because on SQLite one process owns the database (see
 * purgeExpired in app/retention): every write to a session row goes through this store, which
 * keeps the copy in step, and only after the database has taken the write, so memory never
 * holds what was not stored; where two writes cross, the row is read from the database again. A read that started before a write to any session is not kept,
 * so a slow read can never put an older row back over a newer one. Never used where several
 * instances share a database: they could not see each other's writes.
 *
 * The JSON text is kept, not the parsed session: express-session changes the object it is
 * given, and each request needs its own.
 */
export class SessionRowCache {
  private readonly rows = new Map<string, SessionRow>()
  private chars = 0
  /** Bumped by every change to a stored session; a read that saw it move is not kept. */
  private writes = 0

  constructor(private readonly maxChars = MAX_CACHED_CHARS) {}

  /** The row as last read or written, moved to the newest end so the busiest sessions stay. */
  get(sid: string): SessionRow | undefined {
    const row = this.rows.get(sid)
    if (row) {
      this.rows.delete(sid)
      this.rows.set(sid, row)
    }
    return row
  }

  /** Marks the start of a database read; pass the mark to `kept`. */
  readStarted(): number {
    return this.writes
  }

  /** Keeps a row read from the database, unless a session was written since the read began. */
  kept(sid: string, row: SessionRow, mark: number): void {
    if (mark === this.writes) this.put(sid, row)
  }

  /** A change to this session is about to be written: forget the old row at once. Pass the mark to `written`. */
  writing(sid: string): number {
    this.forget(sid)
    return ++this.writes
  }

  /**
   * The database has taken the row: it is the current one, unless another write began after
   * this one (a touch and a save of one citizen's session from two requests at once). Which
   * landed last is then the database's to say, so the row is left to be read from it.
   */
  written(sid: string, row: SessionRow, mark: number): void {
    if (mark === this.writes) this.put(sid, row)
  }

  /** Drops every row that has expired by `now` (the database purges its own on the same timer). */
  dropExpired(now: number): void {
    for (const [sid, row] of this.rows) if (row.expiresAt <= now) this.forget(sid)
  }

  /** Characters of session JSON held now (at most the limit given). */
  get size(): { sessions: number; chars: number } {
    return { sessions: this.rows.size, chars: this.chars }
  }

  private put(sid: string, row: SessionRow): void {
    this.forget(sid)
    // A session bigger than the whole allowance is read from the database each time.
    if (row.data.length > this.maxChars) return
    this.rows.set(sid, row)
    this.chars += row.data.length
    for (const [oldest, kept] of this.rows) {
      if (this.chars <= this.maxChars) break
      this.rows.delete(oldest)
      this.chars -= kept.data.length
    }
  }

  private forget(sid: string): void {
    const row = this.rows.get(sid)
    if (!row) return
    this.rows.delete(sid)
    this.chars -= row.data.length
  }
}
