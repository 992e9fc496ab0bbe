import type { Translate } from '../i18n/translate'
import { keys } from './copy-keys'
import { figureVars } from './figures'
import type { Outcome, Rule } from '../catalogue/types'

/** A rule as a reader says it: "nation:wales and not on-update-service". */
export function ruleText(rule: Rule): string {
  if ('fact' in rule) return rule.fact
  if ('not' in rule) return `not ${ruleText(rule.not)}`
  const parts = 'allOf' in rule ? rule.allOf : rule.anyOf
  if (parts.length === 0) return 'always'
  const joined = parts.map((part) => ('fact' in part || 'not' in part ? ruleText(part) : `(${ruleText(part)})`))
  return joined.join('allOf' in rule ? ' and ' : ' or ')
}

/** Mermaid labels are quoted; a quote inside one must be an entity. */
const label = (text: string) => `"${text.replace(/"/g, '#quot;')}"`
const node = (prefix: string, id: string) => `${prefix}_${id.replace(/[^a-zA-Z0-9]/g, '_')}`

/**
 * One outcome drawn from the catalogue as a Mermaid flowchart: questions in order, a
 * decision wherever a question is asked only in some situations, and every service with
 * the rule that shows it. Drawn from the data, so the map can never drift from the code.
 */
export function journeyMap(outcome: Outcome, t: Translate): string {
  const lines = ['flowchart TD', `  start([${label(t(keys.outcome(outcome.id).title))}])`]
  const entry = outcome.questions.map((q) => (q.askIf ? node('ask', q.id) : node('q', q.id)))
  lines.push(`  start --> ${entry[0] ?? 'plan'}`)
  outcome.questions.forEach((question, i) => {
    const q = node('q', question.id)
    const next = entry[i + 1] ?? 'plan'
    lines.push(
      `  ${q}[${label(`${question.id}: ${t(keys.question(outcome.id, question.id).title, figureVars(question.figures, 'en'))}`)}]`,
    )
    if (question.askIf) {
      lines.push(`  ${node('ask', question.id)}{${label(ruleText(question.askIf))}}`)
      lines.push(`  ${node('ask', question.id)} -->|yes or not sure| ${q}`)
      lines.push(`  ${node('ask', question.id)} -->|no| ${next}`)
    }
    lines.push(`  ${q} --> ${next}`)
  })
  lines.push(`  plan[[${label('Plan')}]]`)
  for (const step of outcome.steps) {
    lines.push(`  subgraph ${node('step', step)}[${label(t(keys.step(outcome.id, step)))}]`)
    for (const placement of outcome.services.filter((p) => p.step === step)) {
      lines.push(`    ${node('s', placement.service)}[${label(t(keys.service(placement.service).name))}]`)
    }
    lines.push('  end')
    for (const placement of outcome.services.filter((p) => p.step === step)) {
      lines.push(`  plan -->|${label(ruleText(placement.showIf ?? { allOf: [] }))}| ${node('s', placement.service)}`)
    }
  }
  return `${lines.join('\n')}\n`
}
