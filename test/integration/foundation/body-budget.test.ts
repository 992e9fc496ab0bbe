import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express, { type ErrorRequestHandler } from 'express'
import { BODY_LIMIT_BYTES, defaultBodyBudget, formBody } from '../../../app/middleware/body'
import { HttpError } from '../../../app/middleware/http-error'
import { rawRequest } from '../../helpers/raw-http'

/**
 * Bodies being read at once share a budget, so a burst of slow clients each sending a large
 * body cannot hold more memory than that (bench/burst.mjs sends 500 at 1 MB each to the
 * real portal). Here the budget is two small bodies: a third one, arriving while both are
 * still being sent, is refused without being read, and is accepted once one has finished.
 */
const BODY = 1000
let server: http.Server
let port: number
/** Requests whose headers the server has read: a body is counted from then on. */
let arrived = 0

beforeEach(async () => {
  const app = express()
  arrived = 0
  app.use((_req, _res, next) => {
    arrived++
    next()
  })
  app.use(formBody(2 * BODY + 10))
  app.post('/form', (req, res) => {
    res.json({ fields: Object.keys((req.body ?? {}) as object).length })
  })
  const errors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    res.status(error instanceof HttpError ? error.status : 500).send(error instanceof HttpError ? error.page : 'error')
  }
  app.use(errors)
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  port = (server.address() as AddressInfo).port
})
afterEach(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const form = (size: number) => `a=${'x'.repeat(size - 2)}`

/** A request whose body is sent in two halves: the second only when `finish` is called. */
function slowPost(size: number) {
  const body = form(size)
  let resolveReply: (status: number) => void = () => undefined
  const reply = new Promise<number>((resolve) => (resolveReply = resolve))
  const req = http.request(
    {
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/form',
      agent: false,
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': size },
    },
    (res) => {
      res.resume()
      res.on('end', () => resolveReply(res.statusCode ?? 0))
    },
  )
  req.on('error', () => resolveReply(0))
  req.write(body.slice(0, size / 2))
  return { reply, finish: () => req.end(body.slice(size / 2)), abort: () => req.destroy() }
}

const post = (size: number) =>
  rawRequest(port, 'POST', '/form', { 'content-type': 'application/x-www-form-urlencoded' }, form(size))

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

/** Waits until the server has begun reading `count` requests (however slow the machine). */
async function untilArrived(count: number) {
  while (arrived < count) await settle()
}

describe('the body budget', () => {
  it('refuses a body that does not fit beside those being read, unread and closing the connection', async () => {
    const first = slowPost(BODY)
    const second = slowPost(BODY)
    await untilArrived(2)
    const refused = await post(BODY)
    expect(refused.status).toBe(503)
    expect(refused.headers.connection).toBe('close')
    // A request with no body needs none of the budget.
    expect((await rawRequest(port, 'POST', '/form')).status).toBe(200)
    first.finish()
    expect(await first.reply).toBe(200)
    // One finished: its share is free again.
    expect((await post(BODY)).status).toBe(200)
    second.finish()
    expect(await second.reply).toBe(200)
  })

  it('gives back the share of a client that goes away mid-body', async () => {
    const gone = slowPost(BODY)
    const other = slowPost(BODY)
    await untilArrived(2)
    expect((await post(BODY)).status).toBe(503)
    // The client disconnects without sending the rest; the server notices when the socket closes.
    gone.abort()
    let status = 503
    for (let tries = 0; tries < 100 && status === 503; tries++) {
      await settle()
      status = (await post(BODY)).status
    }
    expect(status).toBe(200)
    other.finish()
    expect(await other.reply).toBe(200)
  })

  it('is a quarter of the heap limit, at most 64 MB', () => {
    expect(defaultBodyBudget(200 * 1024 * 1024)).toBe(50 * 1024 * 1024)
    expect(defaultBodyBudget(4 * 1024 * 1024 * 1024)).toBe(64 * 1024 * 1024)
    expect(defaultBodyBudget()).toBeGreaterThanOrEqual(16 * BODY_LIMIT_BYTES)
  })
})
