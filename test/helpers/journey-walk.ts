import { journeys } from '../integration/applications/fixtures'
import type { CookieClient, Reply } from './http-client'

/**
 * One citizen's application journey against real processes, as a browser without
 * JavaScript walks it: each page loaded, then its form posted. `route` picks the instance
 * for every request, so a journey can stay on one process or alternate between several
 * the way a load balancer may send it.
 */
export type Route = (request: number) => string

export const alternating =
  (...origins: string[]): Route =>
  (request) =>
    origins[request % origins.length] as string

export class JourneyWalk {
  /** How many requests this citizen has made, and so which instance the next one goes to. */
  requests = 0
  /** The session's CSRF token, kept so that a retry can post the declaration again from any page. */
  private token = ''

  constructor(
    readonly citizen: CookieClient,
    readonly app: string,
    private readonly route: Route,
  ) {}

  private url(path: string): string {
    return `${this.route(this.requests++)}/apply/${this.app}${path}`
  }

  private async expect(reply: Promise<Reply>, status: number, what: string): Promise<Reply> {
    const answered = await reply
    if (answered.status !== status) {
      const errors = /govuk-error-summary__list[\s\S]*?<\/ul>/.exec(answered.text)?.[0] ?? answered.location ?? ''
      throw new Error(`${what} answered ${answered.status}, not ${status}: ${errors}`)
    }
    return answered
  }

  /**
   * Start page → task list → every question (loaded, then answered) → task list again →
   * check answers → declaration. Returns the draft's reference as the task list shows it.
   * `loadEveryPage: false` loads only the first question (the session's CSRF token does not
   * change) and answers the rest straight away: half the requests, for tests that only
   * need many drafts ready to submit.
   */
  async toDeclaration({ loadEveryPage = true } = {}): Promise<string> {
    await this.expect(this.citizen.get(this.url('')), 200, 'start page')
    await this.expect(this.citizen.get(this.url('/task-list')), 200, 'task list')
    for (const [index, [path, form]] of (journeys[this.app] ?? []).entries()) {
      if (loadEveryPage || index === 0) await this.expect(this.citizen.get(this.url(`/${path}`)), 200, `GET ${path}`)
      await this.expect(this.citizen.post(this.url(`/${path}`), { ...form, action: 'continue' }), 303, `POST ${path}`)
    }
    const taskList = await this.expect(this.citizen.get(this.url('/task-list')), 200, 'task list')
    const reference = /<strong>([A-Z0-9-]+)<\/strong>/.exec(taskList.text)?.[1]
    if (!reference) throw new Error('no reference on the task list after answering every question')
    await this.expect(this.citizen.get(this.url('/check-answers')), 200, 'check answers')
    await this.expect(this.citizen.get(this.url('/declaration')), 200, 'declaration')
    this.token = this.citizen.csrfToken()
    return reference
  }

  /** Ticks the declaration and sends the application: 303 to the confirmation when stored. */
  submit(): Promise<Reply> {
    return this.citizen.post(this.url('/declaration'), { confirm: 'yes' }, this.token)
  }

  /** The reference the confirmation page shows, or undefined when there is none (yet). */
  async confirmedReference(): Promise<string | undefined> {
    const page = await this.citizen.get(this.url('/confirmation'))
    return page.status === 200 ? /<strong>([A-Z0-9-]+)<\/strong>/.exec(page.text)?.[1] : undefined
  }
}
