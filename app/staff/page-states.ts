import type { PageState, Step } from '../a11y/page-state'
import { CATALOGUE } from '../catalogue'
import { answerSteps } from '../triage/answer-steps'
import { PERSONA_DAY, PERSONAS } from '../triage/personas'
import { planUrl } from '../triage/urls'
import { personalFieldsOf } from '../applications/autocomplete-tokens'
import { applicantPages } from '../applications/definitions/applicant-pages'
import { PASSWORD_CHANGE_LIMIT } from './password-change-throttle'

const journey = 'staff'
/**
 * The label is the adviser's own words, shown on every staff state after the first case (one
 * account per role): a Welsh word, as a Welsh-speaking adviser might type ("call 3").
 */
const helpForm = { channel: 'phone', consent: 'yes', label: 'Galwad 3' }

/** Wrong current passwords on "Change your password", each one refused and counted. */
const wrongCurrentPasswords = (n: number): Step[] =>
  Array.from({ length: n }, (_, i) => ({
    post: '/staff/password',
    form: { current: `not-my-password-${i}`, password: '', confirm: '' },
  }))

/** A signed-in adviser starts helping a citizen: the session is in assisted mode after these. */
export const startHelpingSteps = (): Step[] => [{ get: '/staff/start' }, { post: '/staff/start', form: helpForm }]

/** The staff resume form asks for someone else's date of birth: the browser must not fill in the adviser's. */
const othersDateOfBirth = personalFieldsOf(applicantPages.dateOfBirth.fields, true)

/**
 * Every staff page and error state, for the accessibility walker. States with `staffRole`
 * need that member of staff signed in first (test/helpers/staff.ts does it through the
 * real form); the sign-in states run signed out.
 */
export function pageStates(): PageState[] {
  return [
    {
      id: 'staff/sign-in',
      journey,
      description: 'Staff sign-in',
      steps: [{ get: '/staff/sign-in' }],
      expectStatus: 200,
    },
    {
      id: 'staff/sign-in/error',
      journey,
      description: 'Staff sign-in, with errors (nothing entered)',
      steps: [{ get: '/staff/sign-in' }, { post: '/staff/sign-in', form: { email: '', password: '' } }],
      expectStatus: 400,
    },
    ...(['ended', 'expired'] as const).map((why): PageState => ({
      id: `staff/sign-in/${why}`,
      journey,
      description:
        why === 'ended'
          ? 'Staff sign-in after the portal ended a session (account disabled or signed out everywhere)'
          : 'Staff sign-in after a session reached its absolute lifetime',
      steps: [{ get: `/staff/sign-in?ended=${why}` }],
      expectStatus: 200,
    })),
    {
      id: 'staff/sign-in/signed-out-everywhere',
      journey,
      description: 'Staff sign-in after “Sign out everywhere”',
      steps: [{ get: '/staff/sign-in?signedOut=everywhere' }],
      expectStatus: 200,
    },
    {
      id: 'staff/sign-in/code',
      journey,
      description: 'Staff sign-in, second step: the code from the authenticator app',
      steps: [{ get: '/staff/sign-in/code' }],
      expectStatus: 200,
      staffRole: 'adviser',
      staffSignIn: 'code',
    },
    {
      id: 'staff/sign-in/code/error',
      journey,
      description: 'Staff sign-in, second step, with an error (a wrong code)',
      steps: [{ get: '/staff/sign-in/code' }, { post: '/staff/sign-in/code', form: { code: '000000' } }],
      expectStatus: 400,
      staffRole: 'adviser',
      staffSignIn: 'code',
    },
    {
      id: 'staff/sign-in/set-up',
      journey,
      description: 'Setting up two-factor sign-in at the first sign-in (QR code and key)',
      steps: [{ get: '/staff/sign-in/set-up' }],
      expectStatus: 200,
      staffRole: 'adviser',
      staffSignIn: 'set-up',
    },
    {
      id: 'staff/sign-in/set-up/error',
      journey,
      description: 'Setting up two-factor sign-in, with an error (a code that is not 6 digits)',
      steps: [{ get: '/staff/sign-in/set-up' }, { post: '/staff/sign-in/set-up', form: { code: '12' } }],
      expectStatus: 400,
      staffRole: 'adviser',
      staffSignIn: 'set-up',
    },
    {
      id: 'staff/sign-in/new-password',
      journey,
      description: 'Staff sign-in after a password reset: choosing a new password',
      steps: [{ get: '/staff/sign-in/new-password' }],
      expectStatus: 200,
      staffRole: 'adviser',
      staffSignIn: 'new-password',
    },
    {
      id: 'staff/sign-in/new-password/error',
      journey,
      description: 'Choosing a new password after a reset, with errors (a guessable password, not confirmed)',
      steps: [
        { get: '/staff/sign-in/new-password' },
        { post: '/staff/sign-in/new-password', form: { password: 'password1234', confirm: '' } },
      ],
      expectStatus: 400,
      staffRole: 'adviser',
      staffSignIn: 'new-password',
    },
    {
      id: 'staff/password',
      journey,
      description: 'Change your password',
      steps: [{ get: '/staff/password' }],
      expectStatus: 200,
      staffRole: 'auditor',
    },
    {
      id: 'staff/password/error',
      journey,
      description: 'Change your password, with errors (nothing entered)',
      steps: [{ get: '/staff/password' }, { post: '/staff/password', form: {} }],
      expectStatus: 400,
      staffRole: 'auditor',
    },
    {
      id: 'staff/password/done',
      journey,
      description: 'Change your password, after the change',
      steps: [{ get: '/staff/password?done=1' }],
      expectStatus: 200,
      staffRole: 'auditor',
    },
    {
      id: 'staff/password/too-many',
      journey,
      description: 'Change your password, refused after 5 wrong current passwords (wait, still signed in)',
      steps: [{ get: '/staff/password' }, ...wrongCurrentPasswords(PASSWORD_CHANGE_LIMIT.points + 1)],
      expectStatus: 429,
      staffRole: 'auditor',
    },
    {
      id: 'staff/recovery-codes',
      journey,
      description: 'Your recovery codes: how many are left, and a form to make a new set',
      steps: [{ get: '/staff/recovery-codes' }],
      expectStatus: 200,
      staffRole: 'auditor',
    },
    {
      id: 'staff/recovery-codes/error',
      journey,
      description: 'Your recovery codes, with an error (no code from the app entered)',
      steps: [{ get: '/staff/recovery-codes' }, { post: '/staff/recovery-codes', form: { code: '' } }],
      expectStatus: 400,
      staffRole: 'auditor',
    },
    {
      id: 'staff/recovery-codes/wrong',
      journey,
      description: 'Your recovery codes, with an error (a wrong code from the app)',
      steps: [{ get: '/staff/recovery-codes' }, { post: '/staff/recovery-codes', form: { code: '000000' } }],
      expectStatus: 400,
      staffRole: 'auditor',
    },
    {
      id: 'staff/home',
      journey,
      description: 'Staff home page, signed in as an adviser',
      steps: [{ get: '/staff' }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
    {
      id: 'staff/start',
      journey,
      description: 'Start helping someone',
      steps: [{ get: '/staff/start' }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
    {
      id: 'staff/start/error',
      journey,
      description: 'Start helping someone, with errors (no channel, no agreement)',
      steps: [{ get: '/staff/start' }, { post: '/staff/start', form: {} }],
      expectStatus: 400,
      staffRole: 'adviser',
    },
    {
      id: 'staff/resume',
      journey,
      description: 'Continue a citizen’s saved application',
      steps: [{ get: '/staff/resume' }],
      expectStatus: 200,
      staffRole: 'adviser',
      personalFields: othersDateOfBirth,
    },
    {
      id: 'staff/resume/error',
      journey,
      description: 'Continue a citizen’s saved application, with errors (nothing entered)',
      steps: [{ get: '/staff/resume' }, { post: '/staff/resume', form: {} }],
      expectStatus: 400,
      staffRole: 'adviser',
      personalFields: othersDateOfBirth,
    },
    {
      id: 'staff/resume/not-found',
      journey,
      description: 'Continue a citizen’s saved application, with no draft matching',
      steps: [
        { get: '/staff/resume' },
        {
          post: '/staff/resume',
          form: {
            reference: 'DBS-AAAA-AAAA',
            'dateOfBirth-day': '1',
            'dateOfBirth-month': '2',
            'dateOfBirth-year': '1980',
            ...helpForm,
          },
        },
      ],
      expectStatus: 400,
      staffRole: 'adviser',
      personalFields: othersDateOfBirth,
    },
    {
      id: 'staff/start/label-error',
      journey,
      description: 'Start helping someone, with a case label that is not initials or a word (an email address)',
      steps: [{ get: '/staff/start' }, { post: '/staff/start', form: { ...helpForm, label: 'jo@example.com' } }],
      expectStatus: 400,
      staffRole: 'adviser',
    },
    {
      id: 'staff/cases',
      journey,
      description: 'My cases today',
      steps: [{ get: '/staff/cases' }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
    {
      id: 'staff/cases/with-a-case',
      journey,
      description: 'My cases today, with a case in progress',
      steps: [...startHelpingSteps(), { get: '/staff/cases' }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
    {
      id: 'staff/start/while-helping',
      journey,
      description: 'Start helping someone, while already helping someone (a warning)',
      steps: [...startHelpingSteps(), { get: '/staff/start' }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
    {
      id: 'staff/case',
      journey,
      description: 'The case the adviser is in: label, service, status',
      steps: [...startHelpingSteps(), { get: '/staff/case' }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
    {
      id: 'staff/case/label',
      journey,
      description: 'Change the case label',
      steps: [...startHelpingSteps(), { get: '/staff/case/label' }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
    {
      id: 'staff/case/label/error',
      journey,
      description: 'Change the case label, with a label too long',
      steps: [
        ...startHelpingSteps(),
        { get: '/staff/case/label' },
        { post: '/staff/case/label', form: { label: 'Twenty-one characters' } },
      ],
      expectStatus: 400,
      staffRole: 'adviser',
    },
    ...handoverStates(),
    {
      id: 'staff/audit',
      journey,
      description: 'Audit trail, as an administrator',
      steps: [{ get: '/staff/audit' }],
      expectStatus: 200,
      staffRole: 'admin',
    },
    {
      id: 'staff/accounts',
      journey,
      description: 'Staff accounts, as an administrator',
      steps: [{ get: '/staff/accounts' }],
      expectStatus: 200,
      staffRole: 'admin',
    },
    ...newAccountStates(),
    {
      id: 'staff/audit/error',
      journey,
      description: 'Audit trail, filtered by a date that is not real',
      steps: [{ get: '/staff/audit?action=assisted-finish&from-day=31&from-month=2&from-year=2026' }],
      expectStatus: 400,
      staffRole: 'admin',
    },
    {
      id: 'staff/forbidden',
      journey,
      description: 'A page the role may not use (an adviser opening the audit trail)',
      steps: [{ get: '/staff/audit' }],
      expectStatus: 403,
      staffRole: 'adviser',
    },
    {
      id: 'staff/assisted-banner',
      journey,
      description: 'A citizen page with the “on behalf of” banner and “Finish and clear”',
      steps: [...startHelpingSteps(), { get: '/' }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
    {
      id: 'staff/finish',
      journey,
      description: '“Finish and clear?”, asked before anything is cleared',
      steps: [...startHelpingSteps(), { get: '/staff/finish' }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
    {
      id: 'staff/cleared',
      journey,
      description: 'Staff home after “Finish and clear”',
      steps: [...startHelpingSteps(), { get: '/' }, { post: '/staff/finish', form: {} }, { get: '/staff' }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
  ]
}

/**
 * "Add a staff account": the empty form and its errors. An address that is taken, and the
 * temporary password shown on success, need an account of the run's own (an address can be
 * added once): test/browser/staff/account-pages.test.ts walks those two.
 */
function newAccountStates(): PageState[] {
  const form = '/staff/accounts/new'
  // A colleague's address, typed by an admin: the browser must not offer the admin's own.
  const state = (id: string, description: string, steps: Step[], expectStatus: number): PageState => ({
    id: `staff/accounts/new${id}`,
    journey,
    description,
    steps,
    expectStatus,
    staffRole: 'admin',
    personalFields: { email: 'off' },
  })
  return [
    state('', 'Add a staff account', [{ get: form }], 200),
    state(
      '/error',
      'Add a staff account, with errors (no email address, no role)',
      [{ get: form }, { post: form, form: {} }],
      400,
    ),
    state(
      '/email-format',
      'Add a staff account, with an error (not an email address; the role chosen is kept)',
      [{ get: form }, { post: form, form: { email: 'not-an-email', role: 'auditor' } }],
      400,
    ),
  ]
}

/**
 * "Send to the citizen" from a case: with nothing to send yet, then with the plan the citizen
 * reached (the first persona's), its error, and the page after sending.
 */
function handoverStates(): PageState[] {
  const persona = PERSONAS[0]
  const outcome = persona && CATALOGUE.outcomes.find((o) => o.id === persona.outcome)
  if (!persona || !outcome) return []
  const toPlan: Step[] = [
    ...startHelpingSteps(),
    ...answerSteps(outcome, persona.answers, PERSONA_DAY),
    { get: planUrl(outcome.id) },
  ]
  const form = '/staff/case/send'
  const state = (id: string, description: string, steps: Step[], expectStatus = 200): PageState => ({
    id: `staff/case/send${id}`,
    journey,
    description,
    steps,
    expectStatus,
    staffRole: 'adviser',
    personalFields: { email: 'off' },
  })
  return [
    {
      id: 'staff/case/send/nothing',
      journey,
      description: '“Send to the citizen” before there is a plan or a saved application',
      steps: [...startHelpingSteps(), { get: form }],
      expectStatus: 200,
      staffRole: 'adviser',
    },
    state('', '“Send to the citizen”: their plan, an email address and their agreement', [...toPlan, { get: form }]),
    state(
      '/error',
      '“Send to the citizen”, with errors (no address, no agreement)',
      [...toPlan, { get: form }, { post: form, form: {} }],
      400,
    ),
    {
      id: 'staff/case/sent',
      journey,
      description: 'After sending the citizen their plan',
      steps: [
        ...toPlan,
        { get: form },
        { post: form, form: { email: 'walker@example.com', consent: 'yes' } },
        { get: '/staff/case/sent' },
      ],
      expectStatus: 200,
      staffRole: 'adviser',
    },
  ]
}
