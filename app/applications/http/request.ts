import type { Request } from 'express'
import type { AppDeps } from '../../deps'
import type { Application } from '../definition'
import { applicationById } from '../registry'
import { activeDraft, journeyOf, ensureDraft, type Channel, type Journey } from '../service/journey'
import { triageAnswersFrom } from '../prefill'
import type { Draft } from '../service/draft-repository'

/** The small glue between a request and the engine, shared by the application routes. */

export const base = (app: Application) => `/apply/${app.id}`

export function appFrom(req: Request): Application | undefined {
  const id = req.params.app
  return typeof id === 'string' ? applicationById(id) : undefined
}

export function channelOf(req: Request): Channel {
  const assisted = req.session.assisted
  return assisted
    ? { channel: 'assisted', staffId: assisted.staffId, consentAt: assisted.consentAt }
    : { channel: 'online', staffId: null, consentAt: null }
}

export async function loadJourney(deps: AppDeps, req: Request, app: Application): Promise<Journey> {
  const now = deps.clock()
  const draft = await activeDraft(deps.db, app, req.session.applications?.[app.id], now)
  return journeyOf(app, draft, triageAnswersFrom(req.session, app.outcome), now)
}

export async function draftFor(deps: AppDeps, req: Request, journey: Journey): Promise<Draft> {
  const draft = await ensureDraft(deps.db, journey, channelOf(req), req.res?.locals.locale ?? 'en', deps.clock())
  if (draft !== journey.draft) req.session.applications = { ...req.session.applications, [journey.app.id]: draft.id }
  return draft
}

/** `?change=1` marks a visit from check answers: after saving, go back there. */
export function isChange(req: Request): boolean {
  return req.query.change === '1'
}

export function bodyOf(req: Request): Record<string, unknown> {
  return req.body && typeof req.body === 'object' ? (req.body as Record<string, unknown>) : {}
}

/** The "Save and come back later" button posts the page with `action=save`. */
export function wantsSave(req: Request): boolean {
  return bodyOf(req).action === 'save'
}
