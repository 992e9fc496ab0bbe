import { z } from 'zod'
import { OUTCOME_IDS } from './ids.generated'
import type { Rule } from './rule'

/**
 * The shape of every catalogue data file (app/catalogue/data). The TypeScript types are
 * inferred from these schemas (types.ts), so the data, the checks and the code cannot drift
 * apart. Cross-references (a fact nothing sets, an unknown service) are checked afterwards
 * in app/triage/validate.ts, which names the file and item at fault.
 */

/** Ids appear in URLs, file names and copy keys, so they are kebab-case. */
export const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9 and -)')
const fact = z.string().regex(/^[a-z0-9:-]+$/, 'must be lower-case letters, digits, - and :')
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const date = new Date(`${s}T00:00:00Z`)
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s)
  }, 'must be a real date')

/** The UK nations, and "outside the UK" for someone whose situation is abroad. */
export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland', 'outside-uk'] as const
export const nation = z.enum(NATIONS)

/** The portal's own applications, applied for inside it (app/applications/definitions). */
export const APPLICATIONS = ['dbs-basic', 'care-worker-wales', 'child-benefit'] as const

export const ruleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.strictObject({ fact }),
    z.strictObject({ allOf: z.array(ruleSchema) }),
    z.strictObject({ anyOf: z.array(ruleSchema).min(1) }),
    z.strictObject({ not: ruleSchema }),
  ]),
)

/** "2026/27": the tax year (6 April to 5 April) a figure applies to. */
const taxYear = z
  .string()
  .regex(/^\d{4}\/\d{2}$/, 'must be a tax year written like 2026/27')
  .refine((s) => (Number(s.slice(0, 4)) + 1) % 100 === Number(s.slice(5)), 'must be two years in a row, like 2026/27')

/** An amount quoted in copy as `{name}`: where it was read, when, and for which tax year. */
export const figureSchema = z.strictObject({
  amount: z.number().nonnegative(),
  unit: z.enum(['money', 'number']),
  taxYear,
  source: z.url({ protocol: /^https$/ }),
  checked: isoDate,
})
const figures = z.record(id.or(z.string().regex(/^[a-z][a-zA-Z0-9]*$/)), figureSchema).optional()

const option = z.strictObject({
  value: id,
  sets: z.array(fact).optional(),
  unsure: z.array(fact).optional(),
  /** Offered only when this holds or is unknown (e.g. an option for Scotland only). */
  askIf: ruleSchema.optional(),
  /** "None of these": unticks the others (checkboxes only). */
  exclusive: z.literal(true).optional(),
})
/**
 * One band of a date answer; the first band the date falls in is chosen, and a band with no
 * limit takes every date. `underYears`: a date of birth whose age is under that many years.
 * `underPensionAge`: a date of birth whose State Pension age, from the law's own table by date
 * of birth (app/triage/pension-age.ts), has not been reached.
 * `withinMonths` / `withinWeeks`: a date whose time limit of that many months or weeks, counted
 * as the plan counts deadlines (app/triage/deadlines.ts), has not passed yet; a date of death
 * within 6 months, or 56 weeks.
 */
const band = z
  .strictObject({
    value: id,
    sets: z.array(fact).optional(),
    unsure: z.array(fact).optional(),
    underYears: z.number().int().positive().optional(),
    underPensionAge: z.literal(true).optional(),
    withinMonths: z.number().int().positive().optional(),
    withinWeeks: z.number().int().positive().optional(),
  })
  .refine(
    (b) =>
      [b.underYears, b.underPensionAge, b.withinMonths, b.withinWeeks].filter((limit) => limit !== undefined).length <=
      1,
    'needs one limit at most: underYears, underPensionAge, withinMonths or withinWeeks',
  )

export const questionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    id,
    kind: z.enum(['radios', 'yes-no', 'checkboxes']),
    askIf: ruleSchema.optional(),
    figures,
    options: z.array(option).min(2),
  }),
  z.strictObject({
    id,
    kind: z.literal('date'),
    askIf: ruleSchema.optional(),
    figures,
    bands: z.array(band).min(1),
    /**
     * The date of an event deadlines count from (`death`), not the citizen's own date of birth:
     * its answer dates the deadlines whose `after` names the event, and the browser is not asked
     * to fill it in as a birthday.
     */
    event: id.optional(),
    /**
     * The same date of birth banded again on the date an earlier answer gives an event, for
     * rules about the citizen's age then rather than now: Bereavement Support Payment needs
     * the partner to have been under State Pension age on the day of the death, while
     * inheriting State Pension goes by their age now. Its bands set their own facts.
     */
    alsoAt: z
      .strictObject({
        event: id,
        // Ages only: the dates of birth enumeration tries are chosen by whole years (app/triage/age.ts).
        bands: z
          .array(
            band.refine(
              (b) => b.withinMonths === undefined && b.withinWeeks === undefined,
              'alsoAt bands are ages: underYears or underPensionAge only',
            ),
          )
          .min(1),
      })
      .optional(),
  }),
])

/** One way to phone a service; `for` names who the line is for (copy `triage.plan.phoneFor.<for>`). */
const phone = z.strictObject({
  number: z.string().regex(/^\+?[0-9][0-9 ]*[0-9]$/, 'must be digits and spaces, like 0800 151 2012'),
  for: z.enum(['welsh', 'textphone', 'welsh-textphone', 'relay-uk', 'outside-uk']).optional(),
})

/**
 * A time limit: "within 3 months of the death". `after` names the event (copy `triage.plan.after.<after>`).
 * `source` and `checked` record the official page that says the limit counts from the event's date,
 * and when it was read: only then does the plan work out the date ("by 7 December 2026") from a
 * date question with that `event`. Without them the plan shows the limit in words only.
 */
const deadline = z
  .strictObject({
    within: z.number().int().positive(),
    unit: z.enum(['days', 'weeks', 'months']),
    after: id,
    source: z.url({ protocol: /^https$/ }).optional(),
    checked: isoDate.optional(),
    /**
     * Where the page allows a late claim for less ("You can claim up to 21 months after"), the
     * last it allows, in the same unit: once that day has gone too, the plan says it can no
     * longer be claimed rather than offering the late claim.
     */
    lateUntil: z.number().int().positive().optional(),
  })
  .refine((d) => (d.source === undefined) === (d.checked === undefined), 'needs both source and checked, or neither')
  .refine((d) => d.lateUntil === undefined || d.lateUntil > d.within, 'lateUntil must be later than within')

/** How a service is delivered in some nations: who provides it, its official page and phone. */
export const variantSchema = z.strictObject({
  nations: z.array(nation).min(1),
  provider: id,
  /** The official page: always linked, even when the service is applied for in the portal. */
  url: z.url({ protocol: /^https$/ }),
  /** Every line the official page gives, or `none` where it gives no number to call. */
  phones: z.union([z.literal('none'), z.array(phone).min(1)]),
  /** Applied for inside the portal: the application's id. */
  apply: z.enum(APPLICATIONS).optional(),
  /** When someone last read the official page and confirmed this variant (shown as "Last checked"). */
  checked: isoDate,
  deadline: deadline.optional(),
  figures,
})

export const serviceSchema = z.strictObject({
  /** Keyed by a short id (`gb`, `ni`, `scotland`): copy can be overridden per variant. */
  variants: z.record(id, variantSchema).refine((v) => Object.keys(v).length > 0, 'needs at least one variant'),
  /**
   * Nations where the service does not exist (the nation a placement reads, `nationFrom`): listed
   * under "not included" with the `unavailable` copy.
   */
  unavailable: z.array(nation).optional(),
  /** Services this one makes unnecessary (copy `excludes.<id>` says why). */
  excludes: z.array(id).optional(),
})

const placement = z.strictObject({
  service: id,
  step: id,
  /** Shown when this holds; "may" when it is unknown. Omitted means always. */
  showIf: ruleSchema.optional(),
  /**
   * The fact prefix whose nation picks the variant: `nation` (default) reads `nation:wales`. A list
   * is read in order, the first prefix with a nation winning: `[cared-for, nation]` reads where
   * the person cared for lives where that was asked, else where the citizen lives.
   */
  nationFrom: z.union([id, z.array(id).min(1)]).optional(),
  /** Shown with "you may be able to" wording whenever this holds (a rule the portal does not ask about). */
  mayIf: ruleSchema.optional(),
  /** The citizen already has it: left out of the plan, listed as "you already get it". */
  heldIf: ruleSchema.optional(),
  /**
   * Left out whatever `showIf` says when this holds, with its facts as the reason: for a
   * situation in which the questions `showIf` reads are never asked (after a stillbirth, "You
   * are not bringing up their children" would explain a question nobody was asked).
   */
  leftOutIf: ruleSchema.optional(),
  /**
   * Extra lines on the service when a rule holds; copy `notes.<id>` in the outcome's copy.
   * `alsoWhenOpen` shows the note while an "I'm not sure" answer leaves its rule open too: for a
   * warning that matters as much when a service may apply as when it surely does (its copy must
   * then read as true either way, so it is never the default). A note without `when` is always
   * shown with its service (`allOf` of nothing holds). `variants` shows it only with those of the
   * service's variants, for words that fit one nation's provider (a form named by GOV.UK, not by
   * nidirect).
   */
  notes: z
    .array(
      z.strictObject({
        id,
        when: ruleSchema.default({ allOf: [] }),
        alsoWhenOpen: z.literal(true).optional(),
        variants: z
          .array(id)
          .min(1)
          .refine((v) => new Set(v).size === v.length, 'names a variant twice')
          .optional(),
      }),
    )
    .optional(),
})

export const outcomeSchema = z.strictObject({
  /** Where the outcome sits on the start page (1 first). */
  order: z.number().int().positive(),
  steps: z.array(id).min(1),
  questions: z.array(questionSchema).min(1),
  derived: z.array(z.strictObject({ fact, when: ruleSchema })).default([]),
  services: z.array(placement).min(1),
  /** Alternatives: when two or more are shown they become one "do one of these" step. */
  choices: z.array(z.strictObject({ id, services: z.array(id).min(2) })).default([]),
})

/** A named situation with the exact plan it must produce (one persona file per outcome). */
export const personaFileSchema = z.strictObject({
  /** The day the plans are worked out on (ages, "last checked" warnings). */
  day: isoDate,
  personas: z
    .array(
      z.strictObject({
        id,
        nation,
        description: z.string().min(1),
        answers: z.record(id, z.union([z.string(), z.array(z.string()).min(1)])),
        plan: z.array(z.string().min(1)),
        notIncluded: z.array(z.union([z.string().min(1), z.record(z.string(), z.string().min(1))])).optional(),
      }),
    )
    .min(1),
})

/** A whole catalogue in memory (the loader builds one from the files; tests build broken ones). */
export const catalogueSchema = z.strictObject({
  outcomes: z.array(outcomeSchema.extend({ id: z.enum(OUTCOME_IDS) })).min(1),
  services: z.record(id, serviceSchema.extend({ id })),
})
