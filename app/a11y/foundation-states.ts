import type { PageState } from './page-state'

const page = (id: string, journey: string, description: string, url: string, expectStatus = 200): PageState => ({
  id,
  journey,
  description,
  steps: [{ get: url }],
  expectStatus,
})

/**
 * The error pages, by the `errors` copy they show and the status they are sent with. The
 * auditors' example route raises each one so that every error page can be checked.
 */
export const ERROR_EXAMPLES = {
  problem: 500,
  csrf: 403,
  'csrf-session-gone': 403,
  'too-large': 413,
  'bad-request': 400,
  'method-not-allowed': 405,
} as const

/**
 * The pages that belong to no area (the start page is triage's): footer pages, error pages, session timeout pages
 * and the auditors' own index.
 */
export function foundationStates(): PageState[] {
  return [
    page('foundation/cookies', 'foundation', 'Cookies', '/cookies'),
    page('foundation/privacy', 'foundation', 'Privacy notice', '/privacy'),
    page('foundation/contact', 'foundation', 'Contact', '/contact'),
    page('foundation/accessibility-statement', 'foundation', 'Accessibility statement', '/accessibility-statement'),
    page('errors/not-found', 'errors', 'Page not found (404)', '/no-such-page', 404),
    ...Object.entries(ERROR_EXAMPLES).map(([name, status]) =>
      page(
        `errors/${name}`,
        'errors',
        `Error page: ${name} (${status})`,
        `/accessibility/pages/examples/${name}`,
        status,
      ),
    ),
    page('session/timed-out', 'session', 'Session timed out, answers deleted', '/session/timed-out'),
    page(
      'session/timed-out-saved',
      'session',
      'Session timed out, application saved',
      '/session/timed-out?kept=application',
    ),
    page(
      'session/timed-out-saved-unsent',
      'session',
      'Session timed out while a form was being sent, application saved but not that page',
      '/session/timed-out?kept=application&unsent=page',
    ),
    page('session/deleted', 'session', 'Answers deleted by the citizen', '/session/deleted'),
    page(
      'session/deleted-listed',
      'session',
      'Answers deleted by the citizen, listing two outcomes’ answers, an unsent application and its emailed link',
      '/session/deleted?answers=work-in-care+child-support&applications=child-benefit&links=1',
    ),
    page('session/delete-nothing', 'session', '"Delete my answers" with nothing to delete', '/session/delete'),
    page('accessibility/pages', 'accessibility', 'Auditors: every page and state', '/accessibility/pages'),
  ]
}
