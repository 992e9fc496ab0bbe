// Page weight in a real browser: bytes on the wire (headers included, Chromium's own count
// of encoded data) for a first visit on an empty cache, then for the next page.
import { chromium } from 'playwright-core'

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']

function kindOf(type, url) {
  if (url.includes('/page-dictionary-')) return 'dictionary'
  if (type === 'Document') return 'html'
  if (type === 'Stylesheet') return 'css'
  if (type === 'Script') return 'js'
  if (type === 'Font') return 'font'
  return /favicon|\.ico|\.svg|\.png/.test(url) ? 'icon' : 'other'
}

/** Collects per-request transfer sizes through the DevTools protocol for one page. */
async function recorder(context, page) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  const seen = new Map()
  const fetched = []
  let encodings = []
  cdp.on('Network.requestWillBeSent', (e) => seen.set(e.requestId, { url: e.request.url, type: e.type }))
  // How each page (document) came: gzip, br, or dcz against the page dictionary.
  cdp.on('Network.responseReceived', (e) => {
    if (e.type !== 'Document') return
    const headers = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), v]))
    encodings.push(headers['content-encoding'] ?? 'identity')
  })
  cdp.on('Network.loadingFinished', (e) => {
    const r = seen.get(e.requestId)
    if (r) fetched.push({ ...r, bytes: e.encodedDataLength })
  })
  return {
    take() {
      const list = fetched.splice(0).filter((f) => f.bytes > 0)
      if (process.env.BENCH_DEBUG) for (const f of list) console.log(`    ${f.type} ${f.bytes} ${f.url}`)
      const byKind = {}
      for (const f of list) {
        const kind = kindOf(f.type, f.url)
        byKind[kind] = (byKind[kind] ?? 0) + f.bytes
      }
      const taken = encodings
      encodings = []
      return { total: list.reduce((s, f) => s + f.bytes, 0), byKind, requests: list.length, encodings: taken }
    },
  }
}

/**
 * First visit to `firstUrl` on a cold cache; then, warm, the next page reached by
 * answering the question (a POST and the redirected GET: HTML only if assets are cached).
 */
export async function pageWeight(baseUrl, firstUrl) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS })
  try {
    // The proxy header makes the portal treat the loopback as the TLS it runs behind.
    const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-proto': 'https' } })
    const page = await context.newPage()
    const rec = await recorder(context, page)
    await page.goto(baseUrl + firstUrl, { waitUntil: 'networkidle' })
    await page.evaluate(() => document.fonts.ready)
    await page.waitForTimeout(300)
    const cold = rec.take()
    await page.locator('input.govuk-radios__input, input.govuk-checkboxes__input').first().check()
    await Promise.all([
      page.waitForNavigation({ waitUntil: 'networkidle' }),
      page.locator('button.govuk-button').first().click(),
    ])
    await page.waitForTimeout(300)
    const next = rec.take()
    await page.reload({ waitUntil: 'networkidle' })
    const reload = rec.take()
    return { cold, next, reload }
  } finally {
    await browser.close()
  }
}
