import type { PageState } from '../a11y/page-state'

const journey = 'insights'

/** The feedback page, its error states and its thank-you page, for the accessibility walker. */
export function pageStates(): PageState[] {
  return [
    {
      id: 'insights/feedback',
      journey,
      description: 'Give feedback, from the plan',
      steps: [{ get: '/feedback?from=plan&outcome=caring' }],
      expectStatus: 200,
    },
    {
      id: 'insights/feedback/error',
      journey,
      description: 'Give feedback, with an error (no rating chosen)',
      steps: [{ get: '/feedback' }, { post: '/feedback', form: { from: 'banner', outcome: 'none' } }],
      expectStatus: 400,
    },
    {
      id: 'insights/feedback/too-long',
      journey,
      description: 'Give feedback, with errors (no rating, improvement text too long)',
      steps: [{ get: '/feedback' }, { post: '/feedback', form: { improvement: 'x'.repeat(1201) } }],
      expectStatus: 400,
    },
    {
      id: 'insights/feedback/sent',
      journey,
      description: 'Feedback sent',
      steps: [{ get: '/feedback/sent' }],
      expectStatus: 200,
    },
    {
      id: 'insights/performance',
      journey,
      description: 'Service performance, signed in as a service owner',
      steps: [{ get: '/performance' }],
      expectStatus: 200,
      staffRole: 'owner',
    },
    {
      id: 'insights/performance/error',
      journey,
      description: 'Service performance, with an error (a start date that is not real)',
      steps: [{ get: '/performance?from-day=31&from-month=2&from-year=2026&to-day=&to-month=&to-year=' }],
      expectStatus: 400,
      staffRole: 'owner',
    },
  ]
}
