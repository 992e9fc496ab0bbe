import type { PageState, Step } from '../a11y/page-state'
import { startHelpingSteps } from '../staff/page-states'
import { personalFieldsOf } from './autocomplete-tokens'
import { applicantPages } from './definitions/applicant-pages'
import type { Application, Page } from './definition'
import { applications, allPages } from './registry'
import { answersUpTo, sampleForm, type Answer } from './sample'

/**
 * Every page and error state of every application, derived from the definitions, as the
 * requests that reach it from a fresh session. The accessibility walker replays them.
 */
const visit = (path: string): Step => ({ get: path })
const posting = (path: string, form: Answer['form']): Step[] => [{ get: path }, { post: path, form }]

function answerSteps(app: Application, answers: Answer[]): Step[] {
  return answers.flatMap((a) => posting(`/apply/${app.id}/${a.path}`, { ...a.form, action: 'continue' }))
}

/** The steps that answer every page of an application and send it, from a citizen's own session. */
export function sendingSteps(appId: string): Step[] {
  const app = applications.find((a) => a.id === appId)
  if (!app) return []
  const root = `/apply/${app.id}`
  return [
    visit(`${root}/task-list`),
    ...answerSteps(app, answersUpTo(app)),
    ...posting(`${root}/declaration`, { confirm: 'yes' }),
  ]
}

/** Only a non-empty declaration, so a state without personal fields says nothing about them. */
const declaring = (fields: Record<string, string>): Pick<PageState, 'personalFields'> =>
  Object.keys(fields).length ? { personalFields: fields } : {}

function statesOfPage(app: Application, page: Page): PageState[] {
  const root = `/apply/${app.id}`
  const journey = `applications/${app.id}`
  const before = answerSteps(app, answersUpTo(app, page))
  const id = `${journey}/${page.id}`
  const fields = page.kind === 'addAnother' ? page.itemFields : page.fields
  const personal = declaring(personalFieldsOf(fields))
  const url = page.kind === 'addAnother' ? `${root}/${page.id}/1` : `${root}/${page.id}`
  // The same page with an adviser at the keyboard for the citizen: every personal field
  // must then be `off`. Only pages that have personal fields; no error state, as the
  // attribute does not depend on errors (the citizen's error states check that already).
  const assisted: PageState[] = personal.personalFields
    ? [
        {
          id: `${id}/assisted`,
          journey,
          description: `${app.id}: ${page.kind === 'addAnother' ? 'add an item' : 'question'} ${page.id}, an adviser helping`,
          steps: [...startHelpingSteps(), ...before, visit(url)],
          expectStatus: 200,
          staffRole: 'adviser',
          personalFields: personalFieldsOf(fields, true),
        },
      ]
    : []
  if (page.kind === 'addAnother') {
    const item = url
    const withItem = [...before, ...posting(item, { ...sampleForm(page.itemFields), action: 'continue' })]
    return [
      {
        id: `${id}/item`,
        journey,
        description: `${app.id}: add an item (${page.id})`,
        steps: [...before, visit(item)],
        expectStatus: 200,
        ...personal,
      },
      {
        id: `${id}/item/error`,
        journey,
        description: `${app.id}: add an item (${page.id}), with errors`,
        steps: [...before, ...posting(item, {})],
        expectStatus: 400,
        ...personal,
      },
      ...assisted,
      {
        id: `${id}/summary`,
        journey,
        description: `${app.id}: items added (${page.id})`,
        steps: [...withItem, visit(`${root}/${page.id}`)],
        expectStatus: 200,
      },
      {
        id: `${id}/summary/error`,
        journey,
        description: `${app.id}: items added (${page.id}), with an error`,
        steps: [...withItem, ...posting(`${root}/${page.id}`, {})],
        expectStatus: 400,
      },
      {
        id: `${id}/remove`,
        journey,
        description: `${app.id}: remove an item (${page.id})`,
        steps: [...withItem, visit(`${item}/remove`)],
        expectStatus: 200,
      },
      {
        id: `${id}/remove/error`,
        journey,
        description: `${app.id}: remove an item (${page.id}), with an error`,
        steps: [...withItem, ...posting(`${item}/remove`, {})],
        expectStatus: 400,
      },
    ]
  }
  const states: PageState[] = [
    {
      id,
      journey,
      description: `${app.id}: question ${page.id}`,
      steps: [...before, visit(url)],
      expectStatus: 200,
      ...personal,
    },
  ]
  // A page of only optional fields has no error state: leaving it blank is a valid answer.
  if (page.fields.some((f) => !f.optional))
    states.push({
      id: `${id}/error`,
      journey,
      description: `${app.id}: question ${page.id}, with errors`,
      steps: [...before, ...posting(url, { action: 'continue' })],
      expectStatus: 400,
      ...personal,
    })
  return [...states, ...assisted]
}

function applicationStates(app: Application): PageState[] {
  const root = `/apply/${app.id}`
  const journey = `applications/${app.id}`
  const all = answerSteps(app, answersUpTo(app))
  const firstPage = allPages(app)[0]
  const started =
    firstPage && firstPage.kind !== 'addAnother'
      ? posting(`${root}/${firstPage.id}`, { ...sampleForm(firstPage.fields), action: 'continue' })
      : []
  const state = (
    name: string,
    description: string,
    steps: Step[],
    expectStatus = 200,
    personalFields?: Record<string, string>,
  ): PageState => ({
    id: `${journey}/${name}`,
    journey,
    description: `${app.id}: ${description}`,
    steps,
    expectStatus,
    ...(personalFields ? { personalFields } : {}),
  })
  // "Save and come back later" asks for the citizen's own email address.
  const saveEmail = personalFieldsOf(applicantPages.email.fields)
  return [
    state('start', 'start page', [visit(root)]),
    state('task-list', 'task list', [visit(`${root}/task-list`)]),
    ...allPages(app).flatMap((page) => statesOfPage(app, page)),
    state('check-answers', 'check your answers', [...all, visit(`${root}/check-answers`)]),
    state('declaration', 'declaration', [...all, visit(`${root}/declaration`)]),
    state('declaration/error', 'declaration, not confirmed', [...all, ...posting(`${root}/declaration`, {})], 400),
    state('confirmation', 'confirmation', [
      ...all,
      ...posting(`${root}/declaration`, { confirm: 'yes' }),
      visit(`${root}/confirmation`),
    ]),
    // Reached for real only when the database is down at submit; the auditors' example shows it.
    state(
      'not-sent',
      'could not send (database unavailable)',
      [visit(`/accessibility/pages/examples/not-sent/${app.id}`)],
      503,
    ),
    state('save', 'save and come back later', [...started, visit(`${root}/save`)], 200, saveEmail),
    state(
      'save/error',
      'save and come back later, with an error',
      [...started, ...posting(`${root}/save`, { email: 'not an email' })],
      400,
      saveEmail,
    ),
    state('saved', 'application saved', [
      ...started,
      ...posting(`${root}/save`, { email: 'applicant@example.com' }),
      visit(`${root}/saved`),
    ]),
  ]
}

/** Resuming asks for the citizen's own date of birth, as the applications do. */
const resumeDateOfBirth = personalFieldsOf(applicantPages.dateOfBirth.fields)

/** The contract the accessibility walker imports: every application page state. */
export function pageStates(): PageState[] {
  return [
    ...applications.flatMap(applicationStates),
    {
      id: 'applications/resume',
      journey: 'applications/resume',
      description: 'Continue a saved application',
      steps: [visit('/apply/resume')],
      expectStatus: 200,
      personalFields: resumeDateOfBirth,
    },
    {
      id: 'applications/resume/error',
      journey: 'applications/resume',
      description: 'Continue a saved application, with errors',
      steps: posting('/apply/resume', {}),
      expectStatus: 400,
      personalFields: resumeDateOfBirth,
    },
    {
      id: 'applications/resume/sent',
      journey: 'applications/resume',
      description: 'Continue a saved application: check your email for a new link',
      steps: [visit('/apply/resume/sent')],
      expectStatus: 200,
    },
    {
      id: 'applications/resume/link',
      journey: 'applications/resume',
      description: 'An emailed resume link: continue on this device (used up only by the button)',
      steps: [visit('/accessibility/pages/examples/resume-link')],
      expectStatus: 200,
    },
    {
      id: 'applications/resume/link-expired',
      journey: 'applications/resume',
      description: 'A resume link that has expired or was used',
      steps: [visit('/apply/resume/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')],
      expectStatus: 410,
    },
  ]
}
