// Child process for the "two instances count at once" test: opens the database named on the
// command line as an instance of its own, counts question views in rounds, flushing after
// each (while the other instance does the same), and prints how many it counted.
import { InsightCounter } from '../../../app/insights/service/counter'
import { PostgresDb } from '../../../app/store/postgres'
import { SqliteDb } from '../../../app/store/sqlite'
import { stoppedClock } from '../clock'

const COUNTED_SUBJECTS = ['nation', 'hours', 'relationship']

async function main(): Promise<void> {
  const [dialect, target, roundsArg] = process.argv.slice(2)
  if (!target) throw new Error('usage: count-insights.ts sqlite|postgres <file-or-url> <rounds>')
  const db = dialect === 'postgres' ? new PostgresDb(target) : new SqliteDb(target)
  const counter = new InsightCounter(db, stoppedClock)
  let counted = 0
  try {
    for (let round = 0; round < Number(roundsArg); round++) {
      for (const subject of COUNTED_SUBJECTS) {
        const by = 1 + (round % 3)
        counter.count(
          { outcome: 'caring', nation: 'wales', language: 'en', channel: 'online', measure: 'question-view', subject },
          by,
        )
        counted += by
      }
      await counter.flush()
    }
    process.stdout.write(JSON.stringify({ counted }))
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
