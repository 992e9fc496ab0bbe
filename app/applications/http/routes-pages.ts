import { Router, type Request, type Response } from 'express'
import type { AppDeps } from '../../deps'
import type { Translate } from '../../i18n/translate'
import type { Application, QuestionPage } from '../definition'
import type { Journey } from '../service/journey'
import { appFrom, base, draftFor, isChange, loadJourney, wantsSave } from './request'
import { applies, firstIncomplete, nextInSection, previousInSection } from '../progress'
import { findPage } from '../registry'
import { parsePage } from '../validate'
import { echoOf } from '../echo'
import { renderFields } from './render-page'
import { storeAnswers } from '../service/journey'
import { copyKey } from '../copy'
import { countApplication } from '../../insights/http/record'

/** Where to go after a page is answered: the next page, the task list, or back to check answers. */
export function nextUrl(journey: Journey, pageId: string, change: boolean): string {
  const root = base(journey.app)
  if (change) {
    const missing = firstIncomplete(journey.app, journey.answers, journey.visited, journey.prefilledIds)
    return missing ? `${root}/${missing.id}?change=1` : `${root}/check-answers`
  }
  const next = nextInSection(journey.app, pageId, journey.answers, journey.prefilledIds)
  return next ? `${root}/${next.id}` : `${root}/task-list`
}

/**
 * Where a question page's back link goes: the page before it in its section (the one the
 * citizen came from), or the task list for a section's first page; check answers when changing.
 */
export function backUrl(journey: Journey, pageId: string, change: boolean): string {
  const root = base(journey.app)
  if (change) return `${root}/check-answers`
  const previous = previousInSection(journey.app, pageId, journey.answers, journey.prefilledIds)
  return previous ? `${root}/${previous.id}` : `${root}/task-list`
}

export function sectionCaption(t: Translate, app: Application, pageId: string): string {
  const section = app.sections.find((s) => s.pages.some((p) => p.id === pageId))
  return t(copyKey.section(app.id, section?.id ?? ''))
}

function renderQuestion(
  req: Request,
  res: Response,
  journey: Journey,
  page: QuestionPage,
  echo: Record<string, string | string[]>,
  errors: Parameters<typeof renderFields>[1]['errors'],
) {
  const t = res.locals.t
  const change = isChange(req)
  const root = base(journey.app)
  renderFields(res, {
    app: journey.app.id,
    fields: page.fields,
    echo,
    errors,
    heading: page.fields.length > 1 ? t(copyKey.page(journey.app.id, page.id, 'title')) : undefined,
    caption: sectionCaption(t, journey.app, page.id),
    action: `${root}/${page.id}${change ? '?change=1' : ''}`,
    backHref: backUrl(journey, page.id, change),
    assisted: Boolean(req.session.assisted),
  })
}

/**
 * Question pages: GET shows the page with what was answered before; POST validates,
 * stores only valid answers, and redirects (POST-redirect-GET). A page that does not
 * apply to the citizen's answers sends them back to the task list.
 */
export function questionPageRoutes(deps: AppDeps): Router {
  const router = Router()

  const load = async (req: Request, res: Response) => {
    const app = appFrom(req)
    const page = app && findPage(app, String(req.params.page))
    if (!app || !page || page.kind === 'addAnother') return undefined
    const journey = await loadJourney(deps, req, app)
    if (journey.draft?.submittedAt) {
      res.redirect(303, `${base(app)}/confirmation`)
      return undefined
    }
    if (!applies(page, journey.answers)) {
      res.redirect(303, `${base(app)}/task-list`)
      return undefined
    }
    return { app, page, journey }
  }

  router.get('/apply/:app/:page', async (req, res, next) => {
    const found = await load(req, res)
    if (!found) return res.headersSent ? undefined : next()
    countApplication(deps.insights, req, res, found.app, 'page-view', `${found.app.id}/${found.page.id}`)
    renderQuestion(req, res, found.journey, found.page, echoOf(found.page.fields, found.journey.answers), [])
  })

  router.post('/apply/:app/:page', async (req, res, next) => {
    const found = await load(req, res)
    if (!found) return res.headersSent ? undefined : next()
    const { app, page, journey } = found
    const result = parsePage(page.fields, req.body, journey.today)
    const save = wantsSave(req)
    if (result.errors.length && !save) {
      for (const error of result.errors) {
        const subject = `${app.id}/${page.id}:${error.field}:${error.kind}.${error.code}`
        countApplication(deps.insights, req, res, app, 'validation', subject)
      }
      return renderQuestion(req, res, journey, page, result.echo, result.errors)
    }
    const draft = await draftFor(deps, req, journey)
    // Saving for later keeps whatever is valid; invalid input is never stored.
    const answers = await storeAnswers(
      deps.db,
      { ...journey, draft },
      draft,
      result.values,
      { id: page.id, keys: page.fields.map((f) => f.id) },
      deps.clock(),
    )
    if (save) return res.redirect(303, `${base(app)}/save`)
    const visited = new Set([...journey.visited, page.id])
    res.redirect(303, nextUrl({ ...journey, answers, visited }, page.id, isChange(req)))
  })

  return router
}
