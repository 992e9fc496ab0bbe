/**
 * One entry per schema change, never edited once shipped. `sql` runs on both databases;
 * `sqlite` / `postgres` override it where the dialects differ.
 */
export interface Migration {
  id: string
  sql?: readonly string[]
  sqlite?: readonly string[]
  postgres?: readonly string[]
}
