// What the ceilings replay: the exact bytes the portal sent for each measured page, and the
// citizen's session as the portal stored it (for the framework ceiling's in-memory store).
import fs from 'node:fs'
import path from 'node:path'
import { DatabaseSync } from 'node:sqlite'
import { request } from './http.mjs'

/**
 * Fetches each request once from the portal on `port` and writes the two files into `dataDir`,
 * the portal's own data directory (its SQLite file is read for the sessions).
 * @returns {Promise<{ pages: object, pagesFile: string, sessionsFile: string }>}
 */
export async function captureForCeilings(port, reqs, dataDir) {
  const pages = {}
  for (const [name, r] of Object.entries(reqs)) {
    const res = await request(port, r.method, r.path, { headers: r.headers, body: r.body })
    pages[name] = {
      status: res.status,
      headers: res.headers,
      body: res.body.toString('base64'),
      bytes: res.body.length,
    }
  }
  const pagesFile = path.join(dataDir, 'pages.json')
  fs.writeFileSync(pagesFile, JSON.stringify(pages))
  const sessionsFile = path.join(dataDir, 'sessions.json')
  const db = new DatabaseSync(path.join(dataDir, 'portal.sqlite'), { readOnly: true })
  const rows = db.prepare('SELECT sid, data FROM sessions').all()
  db.close()
  fs.writeFileSync(sessionsFile, JSON.stringify(Object.fromEntries(rows.map((r) => [r.sid, JSON.parse(r.data)]))))
  return { pages, pagesFile, sessionsFile }
}
