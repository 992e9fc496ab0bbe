import type { ChoiceQuestion, Option, Rule } from './types'

/** Options that each set `<prefix>:<value>`: the usual shape of a radios or checkboxes question. */
export function optionsSetting(prefix: string, values: readonly string[]): Option[] {
  return values.map((value) => ({ value, sets: [`${prefix}:${value}`] }))
}

/** A yes/no question setting one fact; with `notSure`, "I'm not sure" leaves the fact unknown. */
export function yesNo(id: string, fact: string, extra: { notSure?: boolean; askIf?: Rule } = {}): ChoiceQuestion {
  const options: Option[] = [{ value: 'yes', sets: [fact] }, { value: 'no' }]
  if (extra.notSure) options.push({ value: 'not-sure', unsure: [fact] })
  return { id, kind: 'yes-no', options, ...(extra.askIf ? { askIf: extra.askIf } : {}) }
}

export const NATIONS = ['england', 'wales', 'scotland', 'northern-ireland'] as const

export function nationQuestion(id = 'nation'): ChoiceQuestion {
  return { id, kind: 'radios', options: optionsSetting('nation', NATIONS) }
}
