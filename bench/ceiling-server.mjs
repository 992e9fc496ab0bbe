// The three ceilings the portal is measured against, for identical response bytes:
//   --mode=stack      the portal's own app (createApp: same Express, helmet with a per-request
//                     nonce, sessions in its durable store, CSRF, locale) plus one benchmark-only
//                     route that answers with the page already rendered. Production code never
//                     registers it.
//   --mode=framework  the framework alone: Express, helmet with the portal's headers and a
//                     per-request nonce, a form body parser and express-session (rolling, the
//                     portal's cookie) on its in-memory store, holding the citizen's session
//                     (--sessions=file.json, { sid: data } as the portal stored it).
//   --mode=raw        node:http sending the same bytes from memory.
// Pages come from a JSON file written by run.mjs: { name: { status, headers, body(base64) } }.
import { Buffer } from 'node:buffer'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const root = path.resolve(import.meta.dirname, '..')
const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const mode = arg('mode')
const port = Number(arg('port'))
const pages = Object.fromEntries(
  Object.entries(JSON.parse(fs.readFileSync(arg('pages'), 'utf8'))).map(([name, p]) => [
    name,
    { ...p, body: Buffer.from(p.body, 'base64') },
  ]),
)

/** Sends a captured page as it is: the route every Express ceiling ends in. */
function sendPage(req, res, next) {
  const page = pages[req.params.page]
  if (!page) return next()
  res.status(page.status)
  for (const [name, value] of Object.entries(headersOf(page))) if (value) res.setHeader(name, value)
  res.setHeader('Vary', 'Accept-Encoding')
  res.setHeader('Content-Length', page.body.length)
  res.end(page.body)
}

function headersOf(page) {
  return { 'content-type': page.headers['content-type'], 'content-encoding': page.headers['content-encoding'] }
}

if (mode === 'raw') {
  http
    .createServer((req, res) => {
      const page = pages[req.url.slice('/__bench/'.length)]
      if (!page) {
        res.writeHead(404).end()
        return
      }
      // Drain a POST body before answering, as any server must.
      req.resume()
      req.on('end', () => {
        res.writeHead(page.status, { ...headersOf(page), 'content-length': page.body.length })
        res.end(page.body)
      })
    })
    .listen(port, '127.0.0.1')
} else if (mode === 'stack') {
  const { loadConfig } = require(path.join(root, 'dist', 'config.js'))
  const { bootstrap } = require(path.join(root, 'dist', 'bootstrap.js'))
  const { createApp } = require(path.join(root, 'dist', 'app.js'))
  const { Router } = require('express')
  const runtime = await bootstrap(loadConfig(process.env))
  const router = Router()
  router.all('/__bench/:page', sendPage)
  createApp(runtime, { routes: [router] }).listen(port, '127.0.0.1')
} else if (mode === 'framework') {
  const express = require('express')
  const session = require('express-session')
  const { cspNonce, noStore, securityHeaders } = require(path.join(root, 'dist', 'middleware', 'security.js'))
  const store = new session.MemoryStore()
  const stored = JSON.parse(fs.readFileSync(arg('sessions'), 'utf8'))
  for (const [sid, data] of Object.entries(stored)) store.set(sid, data)
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 1)
  app.get('/health', (_req, res) => res.end('ok'))
  app.use(cspNonce)
  app.use(securityHeaders(true))
  app.use(noStore)
  app.use(express.urlencoded({ extended: false, limit: 1024 * 1024 }))
  app.use(
    session({
      name: '__Host-portal-session',
      secret: process.env.SESSION_SECRET,
      store,
      resave: false,
      saveUninitialized: false,
      rolling: true,
      proxy: true,
      cookie: { httpOnly: true, sameSite: 'lax', secure: true, path: '/', maxAge: 20 * 60 * 1000 },
    }),
  )
  // The session is read (and renewed in memory), as a page that uses it would.
  app.all('/__bench/:page', (req, res, next) =>
    req.session.csrfToken ? sendPage(req, res, next) : res.status(410).end(),
  )
  app.listen(port, '127.0.0.1')
} else {
  console.error(
    'usage: ceiling-server.mjs --mode=stack|framework|raw --port=N --pages=file.json [--sessions=file.json]',
  )
  process.exit(2)
}
