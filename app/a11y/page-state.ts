/**
 * A page in a particular state, described as the requests that reach it from a fresh
 * session. Every area derives its states from its own definitions (questions, application
 * pages, staff pages) so that the accessibility walker and the auditors' index never rely
 * on a hand-kept list. Replaying `steps` in order, each POST carrying the CSRF token of the
 * page before it, ends on the page to check.
 */
export type Step =
  | { get: string }
  | {
      post: string
      form: Readonly<Record<string, string | readonly string[]>>
    }

export interface PageState {
  /** Stable id, unique across the portal: `triage/work-in-care/nation/error`. */
  id: string
  /** The journey it belongs to, for grouping and for title uniqueness (`triage/work-in-care`). */
  journey: string
  /** What an auditor reads: "Work in care — where will you work, with an error". English. */
  description: string
  /** Requests from a fresh session; the response to the last one is the page to check. */
  steps: readonly Step[]
  /** The status the last response must have: 200, or 400 for a page re-rendered with errors. */
  expectStatus: number
  /** Needs a signed-in staff user with this role before the steps run. */
  staffRole?: 'adviser' | 'auditor' | 'admin' | 'owner'
  /**
   * With `staffRole`: the sign-in stops half way, after the password, so the steps start on
   * its second step: `code` with an account that has two-factor set up (the code page),
   * `set-up` with one that has not (the set-up page); `new-password` after the code too, with
   * an account whose password an administrator reset (choosing a new one).
   */
  staffSignIn?: 'code' | 'set-up' | 'new-password'
  /**
   * The citizen's own personal fields on the page, by field name, with the `autocomplete`
   * token each must carry (WCAG 1.3.5): `{ email: 'email', 'dob-day': 'bday-day' }`. Where a
   * member of staff completes them for someone else (assisted mode, staff forms), the same
   * fields are declared with `off`, so the browser never offers the adviser's own details.
   * Every declared field must be on the page. Derive these from the area's definitions.
   */
  personalFields?: Readonly<Record<string, string>>
}

/**
 * What an area's `page-states.ts` exports. `signInSteps` is for the staff area: the steps
 * that sign in a member of staff with a role, which the walker runs before the steps of a
 * state that has `staffRole`.
 */
export interface AreaPageStates {
  pageStates(): PageState[]
  signInSteps?(role: NonNullable<PageState['staffRole']>): Step[]
}
