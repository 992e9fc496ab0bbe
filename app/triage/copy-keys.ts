import type { Catalogue, Outcome, Question, Service } from '../catalogue/types'

/**
 * Where each piece of catalogue copy lives. Views read these keys and validation checks
 * that every one exists in English and Welsh, so the two can never drift apart.
 */
export const keys = {
  outcome: (o: string) => ({
    title: `catalogue.outcomes.${o}.title`,
    description: `catalogue.outcomes.${o}.description`,
    keywords: `catalogue.outcomes.${o}.keywords`,
  }),
  step: (o: string, step: string) => `catalogue.outcomes.${o}.steps.${step}`,
  question: (o: string, q: string) => ({
    title: `catalogue.questions.${o}.${q}.title`,
    hint: `catalogue.questions.${o}.${q}.hint`,
    error: `catalogue.questions.${o}.${q}.error`,
  }),
  dateErrors: (o: string, q: string) => ({
    invalid: `catalogue.questions.${o}.${q}.errorInvalid`,
    future: `catalogue.questions.${o}.${q}.errorFuture`,
  }),
  /** Yes/no questions share their labels; other choices have their own. */
  option: (o: string, question: Question, value: string) =>
    question.kind === 'yes-no' ? `triage.yesNo.${value}` : `catalogue.questions.${o}.${question.id}.options.${value}`,
  service: (s: string) => ({
    name: `catalogue.services.${s}.name`,
    gives: `catalogue.services.${s}.gives`,
    cost: `catalogue.services.${s}.cost`,
    time: `catalogue.services.${s}.time`,
    condition: `catalogue.services.${s}.condition`,
  }),
  provider: (p: string) => `catalogue.providers.${p}`,
}

function questionKeys(outcome: Outcome, question: Question): string[] {
  const list = Object.values(keys.question(outcome.id, question.id))
  if (question.kind === 'date') list.push(...Object.values(keys.dateErrors(outcome.id, question.id)))
  else list.push(...question.options.map((option) => keys.option(outcome.id, question, option.value)))
  return list
}

const serviceKeys = (service: Service) => [...Object.values(keys.service(service.id)), keys.provider(service.provider)]

/** Every copy key the catalogue needs, each with the item that needs it (for error messages). */
export function requiredCopy(catalogue: Catalogue): { key: string; item: string }[] {
  const required: { key: string; item: string }[] = []
  for (const outcome of catalogue.outcomes) {
    const item = `outcome "${outcome.id}"`
    for (const key of Object.values(keys.outcome(outcome.id))) required.push({ key, item })
    for (const step of outcome.steps)
      required.push({ key: keys.step(outcome.id, step), item: `${item} step "${step}"` })
    for (const question of outcome.questions) {
      for (const key of questionKeys(outcome, question))
        required.push({ key, item: `question "${outcome.id}/${question.id}"` })
    }
  }
  for (const service of Object.values(catalogue.services)) {
    for (const key of serviceKeys(service)) required.push({ key, item: `service "${service.id}"` })
  }
  return required
}
