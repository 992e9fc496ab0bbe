import type { Fact, Rule } from '../../app/catalogue/types'

/** Shorthands for writing rules in tests (the catalogue writes them as data). */
export const fact = (name: Fact): Rule => ({ fact: name })
export const allOf = (...rules: Rule[]): Rule => ({ allOf: rules })
export const anyOf = (...rules: Rule[]): Rule => ({ anyOf: rules })
export const not = (rule: Rule): Rule => ({ not: rule })
export const always: Rule = { allOf: [] }
