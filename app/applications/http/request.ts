import type { Request } from 'express'
import { z } from 'zod'
import { oneOf, readInput } from '../../request-input'
import type { AppDeps } from '../../deps'
import type { Application } from '../definition'
import { applicationById } from '../registry'
import { activeDraft, journeyOf, ensureDraft, type Channel, type Journey } from '../service/journey'
import { triageAnswersFrom } from '../prefill'
import type { Draft } from '../service/draft-repository'
import { takeHold } from '../service/draft-ownership'
import type { Actor } from '../service/save-return'
import { rotateSessionId } from '../../middleware/rotate-session'
import { countApplication } from '../../insights/http/record'

/** The small glue between a request and the engine, shared by the application routes. */

export const base = (app: Application) => `/apply/${app.id}`

export function appFrom(req: Request): Application | undefined {
  const id = req.params.app
  return typeof id === 'string' ? applicationById(id) : undefined
}

export function channelOf(req: Request): Channel {
  const assisted = req.session.assisted
  return assisted
    ? { channel: 'assisted', staffId: assisted.staffId, consentAt: assisted.consentAt, caseId: assisted.caseId ?? null }
    : { channel: 'online', staffId: null, consentAt: null, caseId: null }
}

/**
 * Who is acting, for the audit trail: an adviser helping a citizen (assisted), a signed-in
 * member of staff using the citizen pages themselves (an auditor checking them: staff, by
 * id, online), or a citizen.
 */
export function actorOf(req: Request): Actor {
  const assisted = req.session.assisted
  if (assisted) return { actorType: 'staff', actorId: assisted.staffId, channel: 'assisted' }
  const staff = req.session.staff
  if (staff) return { actorType: 'staff', actorId: staff.id, channel: 'online' }
  return { actorType: 'citizen', actorId: null, channel: 'online' }
}

export async function loadJourney(deps: AppDeps, req: Request, app: Application): Promise<Journey> {
  const now = deps.clock()
  const draftId = req.session.applications?.[app.id]
  const key = draftId ? req.session.draftKeys?.[draftId] : undefined
  const draft = await activeDraft(deps.db, app, { draftId, key }, now)
  return journeyOf(app, draft, triageAnswersFrom(req.session, app.outcome), now)
}

/** Records in the session that it holds `draftId` with `key`, replacing any earlier draft of the same application. */
function remember(req: Request, application: string, draftId: string, key: string): void {
  const earlier = req.session.applications?.[application]
  const { [earlier ?? '']: _earlier, ...keys } = req.session.draftKeys ?? {}
  req.session.applications = { ...req.session.applications, [application]: draftId }
  req.session.draftKeys = { ...keys, [draftId]: key }
}

export async function draftFor(deps: AppDeps, req: Request, journey: Journey): Promise<Draft> {
  const { draft, key } = await ensureDraft(
    deps.db,
    journey,
    channelOf(req),
    req.res?.locals.locale ?? 'en',
    deps.clock(),
  )
  if (key) {
    remember(req, journey.app.id, draft.id, key)
    if (req.res) countApplication(deps.insights, req, req.res, journey.app, 'application-started')
  }
  return draft
}

/**
 * This browser takes the draft over (a link used, an adviser's resume): a new holder key,
 * so every other session loses it, and a new session id.
 */
export async function takeDraft(deps: Pick<AppDeps, 'db'>, req: Request, draft: Pick<Draft, 'id' | 'application'>) {
  const key = await takeHold(deps.db, draft.id)
  await rotateSessionId(req)
  remember(req, draft.application, draft.id, key)
}

const changeQuery = z.object({ change: oneOf('1') })
/** `?change=1` marks a visit from check answers: after saving, go back there. */
export function isChange(req: Request): boolean {
  return readInput(changeQuery, req.query).change === '1'
}

const pageForm = z.object({ action: oneOf('save') })
/** The "Save and come back later" button posts the page with `action=save`. */
export function wantsSave(req: Request): boolean {
  return readInput(pageForm, req.body).action === 'save'
}
