// Loaded into the portal's own process by bench/layers.mjs (`node --import`), never by the
// portal itself. It times every Express handler through the router's tracing channel
// (`express.router.request`, which publishes a start and an end around each handler call)
// and counts requests through Node's `http.server.request.start` channel. A handler's time is
// its own: the handlers it calls through `next()` inside its call are taken out, so the
// figures add up. Node's own `res.end` and socket write are timed apart, as if they were
// handlers. On SIGUSR2 it writes what it has to LAYER_TIMING_FILE and starts again.
import dc from 'node:diagnostics_channel'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import { Session } from 'node:inspector'
import path from 'node:path'

const out = process.env.LAYER_TIMING_FILE
const root = path.resolve(import.meta.dirname, '..')
const now = process.hrtime.bigint

/** Per handler function (or timed method): nanoseconds spent in it alone. */
let spent = new Map()
let requests = 0
let cpuFrom = process.cpuUsage()
/** Handler calls in progress, innermost last, each with the time its inner calls took. */
const open = []

function record(key, call) {
  const took = now() - call.from
  spent.set(key, (spent.get(key) ?? 0n) + took - call.inner)
  if (open.length > 0) open[open.length - 1].inner += took
}

dc.tracingChannel('express.router.request').subscribe({
  start() {
    open.push({ from: now(), inner: 0n })
  },
  end(ctx) {
    const call = open.pop()
    if (call) record(ctx.handler, call)
  },
  asyncStart() {},
  asyncEnd() {},
  error() {},
})
/**
 * Times a method of Node's own as if it were a handler: its time comes out of the handler
 * that called it. Skipped if this Node has no such method (the socket's is internal).
 */
function timeMethod(proto, name, label) {
  const original = proto[name]
  if (typeof original !== 'function') return
  const key = Symbol(label)
  proto[name] = function timed(...args) {
    const call = { from: now(), inner: 0n }
    open.push(call)
    try {
      return original.apply(this, args)
    } finally {
      open.pop()
      record(key, call)
    }
  }
}
// express-session's and the timeout marker's Set-Cookie hooks run inside res.end, before
// the headers are written; the write to the socket is timed on its own.
timeMethod(
  http.ServerResponse.prototype,
  'end',
  "Node's res.end: the Set-Cookie hooks of express-session and the timeout marker, the headers",
)
timeMethod(net.Socket.prototype, '_writeGeneric', 'Writing to the socket (the writev system call)')

dc.subscribe('http.server.request.start', () => {
  requests++
})

/**
 * Where each function is defined, read through the inspector once the measurement is over:
 * the portal's handlers are mostly arrow functions without names.
 */
function locate(fns) {
  const session = new Session()
  session.connect()
  const urls = new Map()
  session.on('Debugger.scriptParsed', ({ params }) => urls.set(params.scriptId, params.url))
  // The same-thread inspector answers synchronously, so each callback has run when post returns.
  session.post('Debugger.enable')
  const places = new Map()
  for (const fn of fns) {
    globalThis.__layerTimingProbe = fn
    let objectId
    session.post('Runtime.evaluate', { expression: 'globalThis.__layerTimingProbe' }, (_e, r) => {
      objectId = r?.result?.objectId
    })
    session.post('Runtime.getProperties', { objectId, ownProperties: true }, (_e, r) => {
      const at = r?.internalProperties?.find((p) => p.name === '[[FunctionLocation]]')?.value?.value
      if (at) places.set(fn, { url: urls.get(at.scriptId) ?? '', line: at.lineNumber + 1 })
    })
  }
  delete globalThis.__layerTimingProbe
  session.post('Debugger.disable')
  session.disconnect()
  return places
}

/** `dist/middleware/locale.js` line 36 → `app/middleware/locale.ts`; a package → its name. */
function labelOf(fn, place) {
  const name = fn.name && fn.name !== 'anonymous' ? `${fn.name} ` : ''
  if (!place) return `${name}(unknown)`.trim()
  const file = place.url.startsWith('file://') ? new URL(place.url).pathname : place.url
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(file)
  if (packaged) return `${name}(${packaged[1]})`
  const relative = path.relative(root, file)
  const source = relative.replace(/^dist\//, 'app/').replace(/\.js$/, '.ts')
  return `${name}${source} (built line ${place.line})`
}

process.on('SIGUSR2', () => {
  const cpu = process.cpuUsage(cpuFrom)
  const places = locate([...spent.keys()].filter((key) => typeof key === 'function'))
  const handlers = [...spent].map(([key, ns]) => ({
    label: typeof key === 'symbol' ? key.description : labelOf(key, places.get(key)),
    microseconds: Number(ns) / 1000,
  }))
  fs.writeFileSync(out, JSON.stringify({ requests, cpuMicroseconds: cpu.user + cpu.system, handlers }))
  spent = new Map()
  requests = 0
  cpuFrom = process.cpuUsage()
})
