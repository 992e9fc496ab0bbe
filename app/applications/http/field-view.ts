import type { Translate } from '../../i18n/translate'
import type { Field } from '../definition'
import type { Echo, FieldError } from '../validate'
import { ADDRESS_TOKENS } from '../autocomplete-tokens'
import { copyKey, errorText, optionalCopy } from '../copy'

/**
 * Turns a field into the parameters of its govuk-frontend macro, so the template only
 * chooses the macro and every page is built from Design System components.
 */
export interface ViewContext {
  t: Translate
  app: string
  echo: Echo
  errors: readonly FieldError[]
  /** Assisted digital: the browser belongs to staff, so it must not offer to remember. */
  assisted: boolean
  /** A page with a single field uses its label as the page heading. */
  asHeading: boolean
}

export interface FieldView {
  macro: 'input' | 'textarea' | 'date' | 'radios' | 'checkboxes' | 'address'
  params: Record<string, unknown>
  /** Address only: one input per line, inside a fieldset. */
  parts?: Record<string, unknown>[]
}

const INPUT_TYPE: Partial<Record<Field['kind'], { type: string; spellcheck?: boolean; inputmode?: string }>> = {
  email: { type: 'email', spellcheck: false },
  telephone: { type: 'tel' },
  nino: { type: 'text', spellcheck: false },
  postcode: { type: 'text', spellcheck: false },
}

function errorFor(ctx: ViewContext, field: Field, href?: string) {
  const error = ctx.errors.find((e) => e.field === field.id && (!href || e.href === href))
  return error
    ? { text: errorText(ctx.t, ctx.app, error), visuallyHiddenText: ctx.t('common.govuk.errorHidden') }
    : undefined
}

function legend(ctx: ViewContext, field: Field) {
  const text = ctx.t(copyKey.field(ctx.app, field.id, 'label'))
  return ctx.asHeading
    ? { text, isPageHeading: true, classes: 'govuk-fieldset__legend--l' }
    : { text, classes: 'govuk-fieldset__legend--m' }
}

function autocomplete(ctx: ViewContext, token: string | undefined): string | undefined {
  if (ctx.assisted) return 'off'
  return token
}

export function fieldView(field: Field, ctx: ViewContext): FieldView {
  const { t, app, echo } = ctx
  const hint = optionalCopy(t, copyKey.field(app, field.id, 'hint'))
  const hintParam = hint ? { text: hint } : undefined
  const errorMessage = errorFor(ctx, field)
  const label = t(copyKey.field(app, field.id, 'label'))
  switch (field.kind) {
    case 'radios':
    case 'checkboxes': {
      const chosen = echo[field.id]
      const items = (field.options ?? []).map((value) => ({
        value,
        text: t(copyKey.option(app, field.id, value)),
        checked: Array.isArray(chosen) ? chosen.includes(value) : chosen === value,
      }))
      return {
        macro: field.kind,
        params: {
          name: field.id,
          idPrefix: field.id,
          fieldset: { legend: legend(ctx, field) },
          hint: hintParam,
          items,
          errorMessage,
        },
      }
    }
    case 'date': {
      const parts = ['day', 'month', 'year'] as const
      const anyError = Boolean(errorMessage)
      const items = parts.map((p) => ({
        name: p,
        label: t(`apply.date.${p}`),
        value: echo[`${field.id}-${p}`],
        classes: `govuk-input--width-${p === 'year' ? 4 : 2}${anyError ? ' govuk-input--error' : ''}`,
        autocomplete: autocomplete(ctx, field.autocomplete ? `${field.autocomplete}-${p}` : undefined),
        inputmode: 'numeric',
      }))
      return {
        macro: 'date',
        params: {
          id: field.id,
          namePrefix: field.id,
          fieldset: { legend: legend(ctx, field) },
          hint: hintParam ?? { text: t('apply.date.hint') },
          items,
          errorMessage,
        },
      }
    }
    case 'address': {
      const parts = (['line1', 'line2', 'town', 'postcode'] as const).map((p) => ({
        id: `${field.id}-${p}`,
        name: `${field.id}-${p}`,
        label: { text: t(`apply.address.${p}`) },
        value: echo[`${field.id}-${p}`],
        autocomplete: autocomplete(ctx, field.autocomplete ? ADDRESS_TOKENS[p] : undefined),
        classes: p === 'postcode' ? 'govuk-input--width-10' : p === 'town' ? 'govuk-!-width-two-thirds' : undefined,
        errorMessage: errorFor(ctx, field, `${field.id}-${p}`),
      }))
      return { macro: 'address', params: { legend: legend(ctx, field) }, parts }
    }
    case 'textarea':
      return {
        macro: 'textarea',
        params: {
          id: field.id,
          name: field.id,
          label: labelParam(ctx, label),
          hint: hintParam,
          value: echo[field.id],
          errorMessage,
          autocomplete: autocomplete(ctx, field.autocomplete),
          rows: 5,
        },
      }
    default: {
      const extra = INPUT_TYPE[field.kind] ?? { type: 'text' }
      return {
        macro: 'input',
        params: {
          id: field.id,
          name: field.id,
          type: extra.type,
          spellcheck: extra.spellcheck,
          label: labelParam(ctx, label),
          hint: hintParam,
          value: echo[field.id],
          errorMessage,
          autocomplete: autocomplete(ctx, field.autocomplete),
          classes: field.width ? `govuk-input--width-${field.width}` : undefined,
        },
      }
    }
  }
}

function labelParam(ctx: ViewContext, text: string) {
  return ctx.asHeading ? { text, isPageHeading: true, classes: 'govuk-label--l' } : { text, classes: 'govuk-label--m' }
}
