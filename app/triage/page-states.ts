import type { PageState, Step } from '../a11y/page-state'
import { CATALOGUE } from '../catalogue'
import { startHelpingSteps } from '../staff/page-states'
import { sendingSteps } from '../applications/page-states'
import { planFor } from './plan'
import { dateOfBirthTokens } from './date-of-birth-tokens'
import { forEachPath, orderTowards } from './enumerate'
import { PERSONA_DAY, PERSONAS } from './personas'
import type { Answer, Answers, Outcome, Question } from '../catalogue/types'
import {
  changeUrl,
  emailPlanUrl,
  emailedPlanUrl,
  planUrl,
  questionUrl,
  REMINDERS_STOPPED_URL,
  startAgainUrl,
  stopRemindersUrl,
} from './urls'
import { answerSteps, formFor } from './answer-steps'
import { walk } from './walk'

// Tests and other areas' page states reach plans through these; they live in answer-steps.ts.
export { answerSteps, formFor } from './answer-steps'

/**
 * A way to each question: answers from the first path on which it is asked. The search tries
 * first the answers its `askIf` needs; in plain answer order, a question asked only in Scotland
 * (the third nation) was found after every English and Welsh path, nearly two million of them.
 * Every state gives its answers on PERSONA_DAY, the day the test app's clock stands on
 * (test/helpers/clock.ts): a date chosen to reach a question (a death three months ago) is then
 * the same distance back when the app walks it.
 */
function answersBefore(outcome: Outcome, question: Question): Answers {
  let found: Answers = {}
  const order = question.askIf ? orderTowards(outcome, question.askIf) : undefined
  forEachPath(
    outcome,
    (answers, end) => {
      const index = end.answered.findIndex((q) => q.id === question.id)
      if (index < 0) return true
      found = Object.fromEntries(end.answered.slice(0, index).map((q) => [q.id, answers[q.id] as Answer]))
      return false
    },
    { today: PERSONA_DAY, ...(order ? { order } : {}) },
  )
  return found
}

/** A triage date question without an `event` asks for the citizen's own date of birth: its parts' tokens, as the view sets them. */
function personalFields(question: Question, assisted = false): Pick<PageState, 'personalFields'> {
  if (question.kind !== 'date' || question.event) return {}
  const tokens = Object.entries(dateOfBirthTokens(assisted)).map(([part, token]) => [`answer-${part}`, token])
  return { personalFields: Object.fromEntries(tokens) }
}

function outcomeStates(outcome: Outcome): PageState[] {
  const journey = `triage/${outcome.id}`
  const states: PageState[] = []
  for (const question of outcome.questions) {
    const earlier = answersBefore(outcome, question)
    const before = answerSteps(outcome, earlier, PERSONA_DAY)
    const url = questionUrl(outcome.id, question.id)
    const id = `${journey}/${question.id}`
    states.push(
      {
        id,
        journey,
        description: `${outcome.id}: question "${question.id}"`,
        steps: [...before, { get: url }],
        expectStatus: 200,
        ...personalFields(question),
      },
      {
        id: `${id}/error`,
        journey,
        description: `${outcome.id}: question "${question.id}", submitted without an answer`,
        steps: [...before, { get: url }, { post: url, form: {} }],
        expectStatus: 400,
        ...personalFields(question),
      },
    )
    // A date of birth on or after the event it is also banded at (born after the death).
    const event = question.kind === 'date' ? question.alsoAt?.event : undefined
    const eventDay = event && walk(outcome, earlier, PERSONA_DAY).events.get(event)
    if (eventDay) {
      states.push({
        id: `${id}/after-event/error`,
        journey,
        description: `${outcome.id}: question "${question.id}", a date on the day of the ${event}`,
        steps: [...before, { get: url }, { post: url, form: formFor(question, eventDay) }],
        expectStatus: 400,
        ...personalFields(question),
      })
    }
    // With an adviser helping, the same date of birth must be `off` (assisted digital).
    if (question.kind === 'date' && !question.event)
      states.push({
        id: `${id}/assisted`,
        journey,
        description: `${outcome.id}: question "${question.id}", an adviser helping`,
        steps: [...startHelpingSteps(), ...before, { get: url }],
        expectStatus: 200,
        staffRole: 'adviser',
        ...personalFields(question, true),
      })
  }
  const personas = PERSONAS.filter((p) => p.outcome === outcome.id)
  for (const persona of personas) {
    states.push({
      id: `${journey}/plan/${persona.id}`,
      journey,
      description: `${outcome.id}: plan for "${persona.description}"`,
      steps: [...answerSteps(outcome, persona.answers, PERSONA_DAY), { get: planUrl(outcome.id) }],
      expectStatus: 200,
    })
  }
  const first = personas[0]
  const firstQuestion = outcome.questions[0]
  if (first && firstQuestion) {
    states.push({
      id: `${journey}/change-answer`,
      journey,
      description: `${outcome.id}: changing the first answer from the plan`,
      steps: [
        ...answerSteps(outcome, first.answers, PERSONA_DAY),
        { get: planUrl(outcome.id) },
        { get: changeUrl(outcome.id, firstQuestion.id) },
      ],
      expectStatus: 200,
    })
    const toPlan = [...answerSteps(outcome, first.answers, PERSONA_DAY), { get: planUrl(outcome.id) }]
    const startAgain = startAgainUrl(outcome.id)
    states.push(
      {
        id: `${journey}/start-again`,
        journey,
        description: `${outcome.id}: "Start again" from the plan, asked to confirm`,
        steps: [...toPlan, { get: startAgain }],
        expectStatus: 200,
      },
      {
        id: `${journey}/start-again/error`,
        journey,
        description: `${outcome.id}: "Start again" from the plan, continued without an answer`,
        steps: [...toPlan, { get: startAgain }, { post: startAgain, form: {} }],
        expectStatus: 400,
      },
      {
        id: `${journey}/delete-answers`,
        journey,
        description: `${outcome.id}: "Delete my answers" (footer, no JavaScript) from the plan, listing what will go`,
        steps: [...toPlan, { get: `/session/delete?returnTo=${encodeURIComponent(planUrl(outcome.id))}` }],
        expectStatus: 200,
      },
    )
  }
  return states
}

/**
 * After applying inside the portal: for each application a persona's plan offers, the
 * confirmation with its "Continue with your plan", and the plan showing it as sent.
 */
function appliedStates(): PageState[] {
  const seen = new Set<string>()
  const states: PageState[] = []
  for (const persona of PERSONAS) {
    const outcome = CATALOGUE.outcomes.find((o) => o.id === persona.outcome)
    if (!outcome) continue
    const plan = planFor(outcome, CATALOGUE.services, persona.answers, PERSONA_DAY)
    const offered = plan.steps.flatMap((s) =>
      s.items.flatMap((item) => (item.kind === 'service' ? [item] : item.options).map((p) => p.variant.apply)),
    )
    for (const app of offered) {
      if (!app || seen.has(app)) continue
      seen.add(app)
      const sent = [...answerSteps(outcome, persona.answers, PERSONA_DAY), ...sendingSteps(app)]
      const journey = `triage/${outcome.id}`
      states.push(
        {
          id: `${journey}/applied/${app}/confirmation`,
          // The application's journey: its confirmation page, reached from a plan.
          journey: `applications/${app}`,
          description: `${outcome.id}: "${app}" sent from the plan, its confirmation offering "Continue with your plan"`,
          steps: [...sent, { get: `/apply/${app}/confirmation` }],
          expectStatus: 200,
        },
        {
          id: `${journey}/plan/applied-${app}`,
          journey,
          description: `${outcome.id}: the plan after sending "${app}", showing it as sent with its reference`,
          steps: [...sent, { get: planUrl(outcome.id) }],
          expectStatus: 200,
        },
      )
    }
  }
  return states
}

/**
 * "Email me this plan" and the kept plan's pages, once (the same pages for every outcome): the
 * form, its error, the "sent" page, and — since a real link is only in an email — the kept
 * plan and its "Stop using this link?" through the auditors' examples; then a link that opens
 * nothing, and the page after stopping one.
 */
function keptStates(): PageState[] {
  const persona = PERSONAS[0]
  const outcome = persona && CATALOGUE.outcomes.find((o) => o.id === persona.outcome)
  if (!persona || !outcome) return []
  const journey = 'triage/kept-plan'
  const toPlan = [...answerSteps(outcome, persona.answers, PERSONA_DAY), { get: planUrl(outcome.id) }]
  const form = emailPlanUrl(outcome.id)
  const email = { personalFields: { email: 'email' } }
  const state = (id: string, description: string, steps: Step[], expectStatus = 200, extra = {}): PageState => ({
    id: `${journey}/${id}`,
    journey,
    description,
    steps,
    expectStatus,
    ...extra,
  })
  return [
    state('email', '"Email me this plan": the email address', [...toPlan, { get: form }], 200, email),
    state(
      'email/error',
      '"Email me this plan", sent without an address',
      [...toPlan, { get: form }, { post: form, form: {} }],
      400,
      email,
    ),
    state('emailed', '"We have sent your plan", with the address and how long the link works', [
      ...toPlan,
      { get: form },
      { post: form, form: { email: 'walker@example.com' } },
      { get: emailedPlanUrl(outcome.id) },
    ]),
    state('plan', 'A kept plan opened from its emailed link, one thing marked done', [
      { get: '/accessibility/pages/examples/kept-plan' },
    ]),
    state('stop', '"Stop using this link?" from a kept plan', [
      { get: '/accessibility/pages/examples/kept-plan-stop' },
    ]),
    state(
      'stop/error',
      '"Stop using this link?", continued without an answer',
      [{ get: '/accessibility/pages/examples/kept-plan-stop?error=yes' }],
      400,
    ),
    state(
      'unavailable',
      'A kept plan link that is unknown, stopped or expired (all the same page)',
      [{ get: `/plan/kept/${'A'.repeat(43)}` }],
      404,
    ),
    state('stopped', 'After stopping a kept plan link', [{ get: '/plan/kept/stopped' }]),
  ]
}

/**
 * The stop link of a deadline reminder: any well-formed link shows the same question and the
 * same answer (nothing says whether a link was real), so a made-up one reaches both.
 */
function reminderStates(): PageState[] {
  const stop = stopRemindersUrl('example-stop-link-for-the-page-state-walker')
  const journey = 'triage/reminders'
  // A death in Scotland 3 days before the personas' day: registering (8 days) can still be reminded of.
  const persona = PERSONAS.find((p) => p.id === 'sco-widow-children-universal-credit')
  const outcome = persona && CATALOGUE.outcomes.find((o) => o.id === persona.outcome)
  const form =
    outcome && persona ? [...answerSteps(outcome, persona.answers, PERSONA_DAY), { get: emailPlanUrl(outcome.id) }] : []
  return [
    ...(form.length
      ? [
          {
            id: `${journey}/email`,
            journey,
            description: '"Email me this plan" offering "Email me a reminder before a deadline"',
            steps: form,
            expectStatus: 200,
            personalFields: { email: 'email' },
          },
        ]
      : []),
    {
      id: `${journey}/stop`,
      journey,
      description: 'Stop deadline reminders? (the link in a reminder email)',
      steps: [{ get: stop }],
      expectStatus: 200,
    },
    {
      id: `${journey}/stopped`,
      journey,
      description: 'Deadline reminders stopped',
      steps: [{ get: REMINDERS_STOPPED_URL }],
      expectStatus: 200,
    },
  ]
}

/**
 * Every triage page in every state, derived from the catalogue and the personas so that a
 * new question or persona is checked by the accessibility walker without anyone listing it.
 */
export function pageStates(): PageState[] {
  return [
    {
      id: 'triage/start',
      journey: 'triage/start',
      description: 'What do you want to do?',
      steps: [{ get: '/' }],
      expectStatus: 200,
    },
    {
      id: 'triage/start/search',
      journey: 'triage/start',
      description: 'What do you want to do? — searching for "DBS"',
      steps: [{ get: '/?q=DBS' }],
      expectStatus: 200,
    },
    {
      id: 'triage/start/search-no-results',
      journey: 'triage/start',
      description: 'What do you want to do? — a search with no results',
      steps: [{ get: '/?q=zzzz' }],
      expectStatus: 200,
    },
    ...CATALOGUE.outcomes.flatMap(outcomeStates),
    ...appliedStates(),
    ...keptStates(),
    ...reminderStates(),
  ]
}
