// Finds the pages the benchmark measures by walking the portal like a citizen: a session,
// a question page with its CSRF token, an invalid answer, and a complete plan.
import { createHash } from 'node:crypto'
import { cookieOf, request } from './http.mjs'

/** Every benchmark request says it came through TLS at a proxy, as in production. */
export const PROXY = { 'x-forwarded-proto': 'https' }
export const ACCEPT = { 'accept-encoding': 'br, gzip, deflate', accept: 'text/html' }

const csrfOf = (html) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1]

/** A valid answer for whatever the question page asks: the first option, or a date of birth. */
function answerFor(html) {
  const choice = /<input class="govuk-(?:radios|checkboxes)__input"[^>]*name="([^"]+)"[^>]*value="([^"]+)"/.exec(html)
  if (choice) return `${encodeURIComponent(choice[1])}=${encodeURIComponent(choice[2])}`
  if (html.includes('name="answer-day"')) return 'answer-day=1&answer-month=6&answer-year=1990'
  throw new Error('Question page with no known input')
}

const text = (res) => res.body.toString('utf8')

/**
 * Walks the first outcome to its plan. Returns the URLs and the session cookie and token
 * that the measurements reuse. Pages are fetched uncompressed here; bytes are captured later.
 */
export async function discover(port, outcomeId) {
  const headers = { ...PROXY, accept: 'text/html' }
  let res = await request(port, 'GET', `/outcomes/${outcomeId}`, { headers })
  if (res.status !== 302 && res.status !== 303) throw new Error(`/outcomes/${outcomeId} answered ${res.status}`)
  const question = res.headers.location
  let cookie = cookieOf(res.headers)
  res = await request(port, 'GET', question, { headers: { ...headers, cookie } })
  cookie = cookieOf(res.headers, cookie)
  const token = csrfOf(text(res))
  if (res.status !== 200 || !token) throw new Error(`${question} answered ${res.status} without a form`)
  let url = question
  let html = text(res)
  for (let step = 0; step < 50 && !url.endsWith('/plan'); step++) {
    const body = `_csrf=${encodeURIComponent(token)}&${answerFor(html)}`
    res = await request(port, 'POST', url, {
      headers: { ...headers, cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    })
    cookie = cookieOf(res.headers, cookie)
    if (res.status !== 303 && res.status !== 302) throw new Error(`POST ${url} answered ${res.status}`)
    url = res.headers.location
    res = await request(port, 'GET', url, { headers: { ...headers, cookie } })
    cookie = cookieOf(res.headers, cookie)
    html = text(res)
  }
  if (!url.endsWith('/plan') || res.status !== 200) throw new Error(`The walk did not reach a plan (${url})`)
  // The page dictionary the pages link, as a browser holds it after its first page.
  const dictionaryUrl = /<link rel="compression-dictionary" href="([^"]+)">/.exec(html)?.[1]
  if (!dictionaryUrl) throw new Error('The plan page links no compression dictionary')
  const dictionary = await request(port, 'GET', dictionaryUrl, { headers })
  const available = `:${createHash('sha256').update(dictionary.body).digest('base64')}:`
  return { question, plan: url, cookie, token, available }
}

/**
 * The request shapes measured, as autocannon requests, with a given cookie and token: the
 * three pages from a client without the page dictionary (gzip), and the question and plan
 * again from one holding it, as Chromium after its first page (dcz).
 */
export function pageRequests({ question, plan, cookie, token, available }) {
  const headers = { ...PROXY, ...ACCEPT, cookie }
  const holding = {
    ...headers,
    'accept-encoding': `${ACCEPT['accept-encoding']}, dcz`,
    'available-dictionary': available,
  }
  return {
    question: { method: 'GET', path: question, headers },
    invalid: {
      method: 'POST',
      path: question,
      headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
      // A token and nothing else: no answer chosen, the page comes back with its error.
      body: `_csrf=${encodeURIComponent(token)}`,
    },
    plan: { method: 'GET', path: plan, headers },
    questionDcz: { method: 'GET', path: question, headers: holding },
    planDcz: { method: 'GET', path: plan, headers: holding },
    // A visitor with no cookie at all (a first visit, or a crawler): it must cost no session.
    firstVisit: { method: 'GET', path: question, headers: { ...PROXY, ...ACCEPT } },
  }
}
