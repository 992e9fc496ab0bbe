import type { Step } from './page-state'

/** A response as replay needs it: where it ended up (after redirects), its status and HTML. */
export interface ReplayResponse {
  url: string
  status: number
  html: string
}

/** Something that sends requests with a cookie jar and follows redirects after a POST. */
export interface StepClient {
  get(url: string): Promise<ReplayResponse>
  post(url: string, body: URLSearchParams): Promise<ReplayResponse>
}

/** The value of the hidden `_csrf` field in a rendered form, if there is one. */
export function csrfTokenIn(html: string): string | undefined {
  return /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
}

/** A step's form as the urlencoded body a browser sends, with the CSRF token first. */
export function formBody(form: Readonly<Record<string, string | readonly string[]>>, csrf?: string) {
  const body = new URLSearchParams()
  if (csrf) body.append('_csrf', csrf)
  for (const [key, value] of Object.entries(form)) {
    for (const v of typeof value === 'string' ? [value] : value) body.append(key, v)
  }
  return body
}

/**
 * Replays steps in order, each POST carrying the CSRF token of the last page loaded, the way
 * a citizen's browser would. Returns the last response, or undefined for no steps.
 */
export async function replay(steps: readonly Step[], client: StepClient): Promise<ReplayResponse | undefined> {
  let last: ReplayResponse | undefined
  for (const step of steps) {
    if ('get' in step) last = await client.get(step.get)
    else last = await client.post(step.post, formBody(step.form, csrfTokenIn(last?.html ?? '')))
  }
  return last
}
