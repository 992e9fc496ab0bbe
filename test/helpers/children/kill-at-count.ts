// Child process for the crash test: watches the portal's submissions table and SIGKILLs the
// portal the moment `threshold` submissions are stored. Being its own process, it is not
// slowed by the test process reading a hundred answers, so the kill lands in the middle of
// the batch however loaded the machine is. Prints `ready` once watching, then `killed <n>`.
import type { Db } from '../../../app/store/db'
import { PostgresDb } from '../../../app/store/postgres'
import { SqliteDb } from '../../../app/store/sqlite'

const TIMEOUT_MS = 60_000

async function main(): Promise<void> {
  const [dialect, target, pid, threshold] = process.argv.slice(2)
  if (!target || !pid || !threshold) throw new Error('usage: kill-at-count.ts sqlite|postgres <file-or-url> <pid> <n>')
  const db: Db = dialect === 'postgres' ? new PostgresDb(target) : new SqliteDb(target)
  const stored = async () => Number((await db.get<{ n: number | string }>('SELECT COUNT(*) AS n FROM submissions'))?.n)
  try {
    await stored()
    process.stdout.write('ready\n')
    const deadline = Date.now() + TIMEOUT_MS
    for (;;) {
      const n = await stored()
      if (n >= Number(threshold)) {
        process.kill(Number(pid), 'SIGKILL')
        process.stdout.write(`killed ${n}\n`)
        return
      }
      if (Date.now() > deadline) throw new Error(`only ${n} submissions stored after ${TIMEOUT_MS} ms`)
      await new Promise((resolve) => setTimeout(resolve, 1))
    }
  } finally {
    await db.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
