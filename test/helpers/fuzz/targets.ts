import type { PageState, Step } from '../../../app/a11y/page-state'
import type { FuzzClient, FuzzReply } from './client'
import { pathOf, type AppRoute } from './routes'

export type Form = Record<string, string | readonly string[]>

/**
 * Something to fuzz: a form the portal renders (POST or GET), or a link it shows (GET with
 * a hostile query). `state` is the page state on whose page it was found; replaying its
 * steps puts a fresh session exactly where a citizen would be when using it.
 */
export interface Target {
  key: string
  method: 'get' | 'post'
  url: string
  /** Field names the form carries (and, for links, the query names the app reads). */
  names: string[]
  /** Values the page offers for a name (radios, checkboxes, hidden fields, buttons). */
  options: Record<string, string[]>
  /** Valid forms the page states post here: the fuzzer mutates them to get past validation. */
  seeds: Form[]
  state: PageState
  /** The session the harvest left on the state's page, handed to one target of the page so it need not replay. */
  session?: FuzzClient
}

const decode = (s: string) =>
  s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')

const attr = (attrs: string, name: string) => {
  const m = new RegExp(`\\b${name}="([^"]*)"`, 'i').exec(attrs)
  return m ? decode(m[1] ?? '') : undefined
}

interface FoundForm {
  method: 'get' | 'post'
  action: string
  names: Set<string>
  options: Record<string, string[]>
}

/** The forms on a page, with the names and offered values of their fields. */
export function formsIn(html: string, pageUrl: string): FoundForm[] {
  const forms: FoundForm[] = []
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/gi)) {
    const attrs = m[1] ?? ''
    const method = (attr(attrs, 'method') ?? 'get').toLowerCase() === 'post' ? 'post' : 'get'
    const form: FoundForm = { method, action: attr(attrs, 'action') || pageUrl, names: new Set(), options: {} }
    // A button's `formaction` sends the same form somewhere else (a kept plan's "Apply now"): a form of its own.
    const elsewhere = new Map<string, FoundForm>()
    for (const tag of (m[2] ?? '').matchAll(/<(input|select|textarea|button)\b([^>]*)>/gi)) {
      const name = attr(tag[2] ?? '', 'name')
      if (!name || name === '_csrf') continue
      const formaction = attr(tag[2] ?? '', 'formaction')
      let into = form
      if (formaction) {
        into = elsewhere.get(formaction) ?? { method, action: formaction, names: new Set(), options: {} }
        elsewhere.set(formaction, into)
      }
      into.names.add(name)
      const value = attr(tag[2] ?? '', 'value')
      if (value !== undefined) (into.options[name] ??= []).push(value)
    }
    forms.push(form, ...elsewhere.values())
  }
  return forms
}

/** Same-site links on a page (not assets): each route they reach is fuzzed with hostile queries. */
export function linksIn(html: string): string[] {
  const links: string[] = []
  for (const m of html.matchAll(/<a\b[^>]*\bhref="(\/(?!\/)[^"]*)"/gi)) {
    const href = decode(m[1] ?? '')
    if (!href.startsWith('/assets/')) links.push(href.split('#')[0] ?? href)
  }
  return links
}

export type SignIn = (
  client: FuzzClient,
  role: NonNullable<PageState['staffRole']>,
  halfWay?: PageState['staffSignIn'],
) => Promise<void>

/** Replays a state's steps in `client`; the reply to the last one is the page of the state. */
export async function replay(client: FuzzClient, state: PageState, signIn: SignIn): Promise<FuzzReply | undefined> {
  if (state.staffRole) await signIn(client, state.staffRole, state.staffSignIn)
  let last: FuzzReply | undefined
  for (const step of state.steps as Step[]) {
    last = 'get' in step ? await client.get(step.get) : await client.post(step.post, step.form)
  }
  return last
}

/**
 * Walks the page-state registry (the one every area derives from its own definitions) and
 * collects every form and link its pages show. Each distinct page is reached once, by the
 * state with the fewest steps; each target keeps the first (shortest) state it was found on.
 * A state that does not answer as the registry says is an error: the setup would be wrong.
 *
 * `alsoVisit` are states replayed even though a shorter state reaches the same page: a page whose
 * forms exist only once something is there (a case list with a case) is empty in its shortest state.
 */
export async function harvestTargets(
  states: readonly PageState[],
  routes: readonly AppRoute[],
  newClient: () => FuzzClient,
  signIn: SignIn,
  alsoVisit: readonly PageState[] = [],
): Promise<{ targets: Target[]; setupRequests: number }> {
  const seeds = new Map<string, Form[]>()
  for (const state of states)
    for (const step of state.steps)
      if ('post' in step) {
        const key = `post ${pathOf(step.post)}`
        seeds.set(key, [...(seeds.get(key) ?? []), step.form])
      }
  const lastPath = (s: PageState) => {
    const step = s.steps[s.steps.length - 1]
    return step ? ('get' in step ? step.get : step.post) : '/'
  }
  const byPage = new Map<string, PageState>()
  for (const state of [...states].sort((a, b) => a.steps.length - b.steps.length)) {
    const page = `${state.staffRole ?? ''} ${pathOf(lastPath(state))}`
    if (!byPage.has(page)) byPage.set(page, state)
  }
  const targets = new Map<string, Target>()
  const routeOf = (url: string) => routes.find((r) => r.method === 'get' && r.matches(pathOf(url)))
  let setupRequests = 0
  for (const state of [...byPage.values(), ...alsoVisit]) {
    const client = newClient()
    const reply = await replay(client, state, signIn)
    setupRequests += state.steps.length
    if (!reply || reply.status !== state.expectStatus)
      throw new Error(`page state ${state.id} answered ${reply?.status}, not ${state.expectStatus}`)
    const pageUrl = lastPath(state)
    let session: FuzzClient | undefined = client
    const handOver = () => {
      const given = session
      session = undefined
      return given
    }
    for (const form of formsIn(reply.text, pageUrl)) {
      const key = `${form.method} ${pathOf(form.action)}`
      const existing = targets.get(key)
      if (existing) {
        for (const n of form.names) if (!existing.names.includes(n)) existing.names.push(n)
        continue
      }
      targets.set(key, {
        key,
        method: form.method,
        url: form.action,
        names: [...form.names],
        options: form.options,
        seeds: seeds.get(key) ?? [],
        state,
        session: handOver(),
      })
    }
    for (const url of [pageUrl, ...linksIn(reply.text)]) {
      const route = routeOf(url)
      // Links are grouped by the route they reach: one hostile-query target per GET route.
      const key = `get ${route ? route.pattern : pathOf(url)}`
      if (targets.has(key) || targets.has(`get ${pathOf(url)}`)) continue
      const query = [...new URL(url, 'http://portal.invalid').searchParams.keys()]
      targets.set(key, { key, method: 'get', url, names: query, options: {}, seeds: [], state, session: handOver() })
    }
  }
  return { targets: [...targets.values()], setupRequests }
}
