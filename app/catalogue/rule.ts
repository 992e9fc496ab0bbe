/** A fact: a string set by an answer (`nation:wales`) or derived from other facts. */
export type Fact = string

/** A condition over facts. Evaluated in three-valued logic: yes, no or unknown ("I'm not sure"). */
export type Rule = { fact: Fact } | { allOf: readonly Rule[] } | { anyOf: readonly Rule[] } | { not: Rule }
