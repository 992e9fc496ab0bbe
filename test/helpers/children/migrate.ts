// Child process for the "several instances start at once" test: opens the database named on
// the command line, runs every migration plus a slow one, prints the ids it applied as JSON.
import { migrate } from '../../../app/store/migrate'
import { stoppedClock } from '../clock'
import { migrations } from '../../../app/store/migrations'
import { PostgresDb } from '../../../app/store/postgres'
import { SqliteDb } from '../../../app/store/sqlite'
import { slowMigrations } from './slow-migrations'

async function main(): Promise<void> {
  const [dialect, target] = process.argv.slice(2)
  if (!target) throw new Error('usage: migrate.ts sqlite|postgres <file-or-url>')
  const db = dialect === 'postgres' ? new PostgresDb(target) : new SqliteDb(target)
  try {
    const applied = await migrate(db, stoppedClock, [...migrations, ...slowMigrations])
    process.stdout.write(JSON.stringify(applied))
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
