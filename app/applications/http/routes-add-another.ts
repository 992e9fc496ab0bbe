import { Router, type Request, type Response } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../deps'
import type { AddAnotherPage } from '../definition'
import { isItems, type Item } from '../answers'
import { appFrom, base, draftFor, isChange, loadJourney, wantsSave } from './request'
import { oneOf, readInput } from '../../request-input'
import { applies } from '../progress'
import { findPage } from '../registry'
import { parsePage } from '../validate'
import { echoOf } from '../echo'
import { renderFields } from './render-page'
import { storeAnswers, type Journey } from '../service/journey'
import { backUrl, nextUrl, sectionCaption } from './routes-pages'
import { itemName } from '../item-name'
import { copyKey } from '../copy'

interface Found {
  page: AddAnotherPage
  journey: Journey
  items: readonly Item[]
  root: string
  suffix: string
}

const anotherForm = z.object({ another: oneOf('yes', 'no') })
const removeForm = z.object({ confirm: oneOf('yes', 'no') })
/** An item's place in the list, from 1, as the page address writes it (`/children/2`). */
const itemParams = z.object({
  index: z
    .string()
    .regex(/^[1-9]\d?$/)
    .transform(Number)
    .optional()
    .catch(undefined),
})

/**
 * The GOV.UK "add another" pattern: a list of what was added with Change and Remove,
 * then "Do you need to add another?". Each item is its own page (`/children/2`), so it
 * all works without JavaScript; items are stored whole, only once every field is valid.
 */
export function addAnotherRoutes(deps: AppDeps): Router {
  const router = Router()

  async function find(req: Request, res: Response): Promise<Found | undefined> {
    const app = appFrom(req)
    const page = app && findPage(app, String(req.params.page))
    if (!app || !page || page.kind !== 'addAnother') return undefined
    const journey = await loadJourney(deps, req, app)
    if (journey.draft?.submittedAt) return void res.redirect(303, `${base(app)}/confirmation`)
    if (!applies(page, journey.answers)) return void res.redirect(303, `${base(app)}/task-list`)
    const stored = journey.answers[page.field]
    return {
      page,
      journey,
      items: isItems(stored) ? stored : [],
      root: `${base(app)}/${page.id}`,
      suffix: isChange(req) ? '?change=1' : '',
    }
  }

  /** 1-based index of an existing item, or of the next new one; anything else is not a page. */
  function indexOf(req: Request, found: Found): number | undefined {
    const { index } = readInput(itemParams, req.params)
    return index !== undefined && index <= Math.min(found.items.length + 1, found.page.max) ? index : undefined
  }

  async function store(req: Request, found: Found, items: readonly Item[]) {
    const draft = await draftFor(deps, req, found.journey)
    const journey = { ...found.journey, draft }
    const answers = await storeAnswers(
      deps.db,
      journey,
      draft,
      { [found.page.field]: items },
      { id: found.page.id, keys: [found.page.field] },
      deps.clock(),
    )
    return { ...journey, answers, visited: new Set([...journey.visited, found.page.id]) }
  }

  function renderSummary(req: Request, res: Response, found: Found, error?: string) {
    const t = res.locals.t
    const { app } = found.journey
    const noun = t(copyKey.page(app.id, found.page.id, 'itemNoun'))
    const rows = found.items.map((item, i) => {
      const name = itemName(found.page, item)
      return {
        key: { text: t('apply.addAnother.itemNumber', { noun, number: i + 1 }) },
        value: { text: name },
        actions: {
          items: [
            { href: `${found.root}/${i + 1}${found.suffix}`, text: t('apply.change'), visuallyHiddenText: name },
            { href: `${found.root}/${i + 1}/remove${found.suffix}`, text: t('apply.remove'), visuallyHiddenText: name },
          ],
        },
      }
    })
    res.status(error ? 400 : 200).render('applications/add-another.njk', {
      pageTitle: t(copyKey.page(app.id, found.page.id, 'title')),
      caption: sectionCaption(t, app, found.page.id),
      rows,
      canAddMore: found.items.length < found.page.max,
      legend: t(copyKey.page(app.id, found.page.id, 'anotherLegend')),
      errorMessage: error ? { text: error } : undefined,
      errorList: error ? [{ text: error, href: '#another' }] : [],
      action: `${found.root}${found.suffix}`,
      backHref: backUrl(found.journey, found.page.id, Boolean(found.suffix)),
    })
  }

  router.get('/apply/:app/:page', async (req, res, next) => {
    const found = await find(req, res)
    if (!found) return res.headersSent ? undefined : next()
    if (found.items.length === 0) return res.redirect(303, `${found.root}/1${found.suffix}`)
    renderSummary(req, res, found)
  })

  router.post('/apply/:app/:page', async (req, res, next) => {
    const found = await find(req, res)
    if (!found) return res.headersSent ? undefined : next()
    if (wantsSave(req)) return res.redirect(303, `${base(found.journey.app)}/save`)
    const another = readInput(anotherForm, req.body).another
    const canAddMore = found.items.length < found.page.max
    if (canAddMore && another !== 'yes' && another !== 'no')
      return renderSummary(req, res, found, res.locals.t('apply.addAnother.addAnotherError'))
    if (canAddMore && another === 'yes')
      return res.redirect(303, `${found.root}/${found.items.length + 1}${found.suffix}`)
    const journey = await store(req, found, found.items)
    res.redirect(303, nextUrl(journey, found.page.id, Boolean(found.suffix)))
  })

  const renderItem = (
    req: Request,
    res: Response,
    found: Found,
    index: number,
    echo: Record<string, string | string[]>,
    errors: Parameters<typeof renderFields>[1]['errors'],
  ) => {
    const t = res.locals.t
    const { app } = found.journey
    renderFields(res, {
      app: app.id,
      fields: found.page.itemFields,
      echo,
      errors,
      heading: t(copyKey.page(app.id, found.page.id, 'itemTitle')),
      caption: sectionCaption(t, app, found.page.id),
      action: `${found.root}/${index}${found.suffix}`,
      backHref: found.items.length
        ? `${found.root}${found.suffix}`
        : backUrl(found.journey, found.page.id, Boolean(found.suffix)),
      assisted: Boolean(req.session.assisted),
    })
  }

  router.get('/apply/:app/:page/:index', async (req, res, next) => {
    const found = await find(req, res)
    if (!found) return res.headersSent ? undefined : next()
    const index = indexOf(req, found)
    if (!index) return res.redirect(303, found.root)
    renderItem(req, res, found, index, echoOf(found.page.itemFields, found.items[index - 1] ?? {}), [])
  })

  router.post('/apply/:app/:page/:index', async (req, res, next) => {
    const found = await find(req, res)
    if (!found) return res.headersSent ? undefined : next()
    const index = indexOf(req, found)
    if (!index) return res.redirect(303, found.root)
    const result = parsePage(found.page.itemFields, req.body, found.journey.today)
    if (wantsSave(req)) return res.redirect(303, `${base(found.journey.app)}/save`)
    if (result.errors.length) return renderItem(req, res, found, index, result.echo, result.errors)
    const items = [...found.items]
    items[index - 1] = result.values
    await store(req, found, items)
    res.redirect(303, `${found.root}${found.suffix}`)
  })

  router.get('/apply/:app/:page/:index/remove', async (req, res, next) => {
    const found = await find(req, res)
    if (!found) return res.headersSent ? undefined : next()
    const index = indexOf(req, found)
    const item = index ? found.items[index - 1] : undefined
    if (!item || !index) return res.redirect(303, found.root)
    renderRemove(res, found, index, item)
  })

  router.post('/apply/:app/:page/:index/remove', async (req, res, next) => {
    const found = await find(req, res)
    if (!found) return res.headersSent ? undefined : next()
    const index = indexOf(req, found)
    const item = index ? found.items[index - 1] : undefined
    if (!item || !index) return res.redirect(303, found.root)
    const answer = readInput(removeForm, req.body).confirm
    if (answer !== 'yes' && answer !== 'no') return renderRemove(res, found, index, item, true)
    const items = answer === 'yes' ? found.items.filter((_, i) => i !== index - 1) : found.items
    await store(req, found, items)
    res.redirect(303, items.length ? `${found.root}${found.suffix}` : `${found.root}/1${found.suffix}`)
  })

  function renderRemove(res: Response, found: Found, index: number, item: Item, error = false) {
    const t = res.locals.t
    const name = itemName(found.page, item)
    const message = t('apply.addAnother.removeError', { name })
    res.status(error ? 400 : 200).render('applications/remove.njk', {
      pageTitle: t('apply.addAnother.removeTitle', { name }),
      errorMessage: error ? { text: message } : undefined,
      errorList: error ? [{ text: message, href: '#confirm' }] : [],
      action: `${found.root}/${index}/remove${found.suffix}`,
      backHref: `${found.root}${found.suffix}`,
    })
  }

  return router
}
