/**
 * The triage model. Everything here is plain, serialisable data so that a catalogue can be
 * validated, listed, drawn as a journey map and enumerated by tests — never closures.
 */

export type OutcomeId = 'work-in-care' | 'child-support' | 'bereavement' | 'caring'
export const OUTCOME_IDS: readonly OutcomeId[] = ['work-in-care', 'child-support', 'bereavement', 'caring']

export type QuestionId = string
export type Fact = string

/** A condition over facts. Evaluated in three-valued logic: yes, no or unknown ("I'm not sure"). */
export type Rule = { fact: Fact } | { allOf: readonly Rule[] } | { anyOf: readonly Rule[] } | { not: Rule }

/** An answer as stored in the session: one value, or the values ticked in a checkboxes question. */
export type Answer = string | readonly string[]
export type Answers = Readonly<Record<QuestionId, Answer>>

/** Where a figure or a rule comes from. `validFrom` is an ISO date; figures change every April. */
export interface Source {
  /** The page's title as published. */
  title: string
  /** The same for a Welsh reader: the page's own Welsh title where it has one, else the title in Welsh. */
  titleCy: string
  url: string
  validFrom: string
  /** Only found on a third-party page: shipped with that source named, flagged on the plan. */
  unconfirmed?: boolean
}

export interface Figure {
  amount: number
  unit: 'money' | 'number'
  source: Source
}

/** One answer to a choice question: the facts it sets, and those it leaves unknown ("I'm not sure"). */
export interface Option {
  value: string
  sets?: readonly Fact[]
  unsure?: readonly Fact[]
}

/** An age band for a date of birth: the first band whose `underYears` is above the age applies. */
export interface AgeBand {
  value: string
  underYears?: number
  sets?: readonly Fact[]
  unsure?: readonly Fact[]
}

interface QuestionBase {
  id: QuestionId
  /** Asked only when this holds or is unknown; skipped (and its answer dropped) when it fails. */
  askIf?: Rule
  /** Figures quoted in the question's copy, e.g. the £100,000 income limit. */
  figures?: Readonly<Record<string, Figure>>
}

export interface ChoiceQuestion extends QuestionBase {
  kind: 'radios' | 'yes-no' | 'checkboxes'
  options: readonly Option[]
}

export interface DateQuestion extends QuestionBase {
  kind: 'date'
  bands: readonly AgeBand[]
}

export type Question = ChoiceQuestion | DateQuestion

/** A fact worked out from other facts, e.g. "has a child under 16" from the ages ticked. */
export interface Derivation {
  fact: Fact
  when: Rule
}

export type How =
  | { kind: 'portal'; application: 'dbs-basic' | 'care-worker-wales' | 'child-benefit' }
  | { kind: 'link' }
  | { kind: 'phone'; phone: string }

/** A service a citizen may get. Copy lives under `catalogue.services.<id>.*`. */
export interface Service {
  id: string
  provider: string
  /** The official page: always linked, even when the service is applied for in the portal. */
  url: string
  how: How
  source: Source
  figures?: Readonly<Record<string, Figure>>
}

/** Where a service sits in one outcome's plan and when it is shown. */
export interface Placement {
  service: string
  step: string
  showIf: Rule
}

export interface Outcome {
  id: OutcomeId
  /** Steps of the plan, in order; a step with no service shown is left out. */
  steps: readonly string[]
  questions: readonly Question[]
  derived: readonly Derivation[]
  services: readonly Placement[]
}

export interface Catalogue {
  outcomes: readonly Outcome[]
  services: Readonly<Record<string, Service>>
  providers: readonly string[]
}
