import type { Response } from 'express'
import type { Field } from '../definition'
import type { Echo, FieldError } from '../validate'
import { fieldView } from './field-view'
import { errorText } from '../copy'

export interface PageRender {
  app: string
  fields: readonly Field[]
  echo: Echo
  errors: readonly FieldError[]
  /** Page heading for multi-field pages; single-field pages use the label. */
  heading?: string
  caption: string
  action: string
  backHref: string
  assisted: boolean
  status?: number
}

/** Renders a page of fields: the one template for every question and add-another item. */
export function renderFields(res: Response, page: PageRender): void {
  const t = res.locals.t
  const asHeading = page.fields.length === 1 && !page.heading
  const ctx = { t, app: page.app, echo: page.echo, errors: page.errors, assisted: page.assisted, asHeading }
  const fields = page.fields.map((f) => fieldView(f, ctx))
  const pageTitle = page.heading ?? t(`${page.app}.fields.${page.fields[0]?.id}.label`)
  const errorList = page.errors.map((e) => ({ text: errorText(t, page.app, e), href: `#${e.href}` }))
  res.status(page.status ?? (page.errors.length ? 400 : 200)).render('applications/question.njk', {
    pageTitle,
    heading: page.heading,
    caption: page.caption,
    fields,
    errorList,
    action: page.action,
    backHref: page.backHref,
  })
}
