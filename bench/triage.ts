// `npm run bench:triage`: time per call of nextQuestion + plan for the largest outcome,
// over every persona and a pairwise spread of answers. Printed against a baseline measured
// in the same run (serialising the same answers), so figures compare across machines.
import { outcomeById, nextQuestion, plan, type Answer, type Answers, type Outcome } from '../test/helpers/triage'
import { candidateAnswers, ENUMERATION_DAY } from '../app/triage/enumerate'
import { pairwiseRows } from '../test/helpers/triage/pairwise'
import { PERSONAS } from '../app/triage/personas'

const TARGET_MS = 0.2

function largest(): Outcome {
  const ids = ['work-in-care', 'child-support', 'bereavement', 'caring'] as const
  const sized = ids.map((id) => outcomeById(id)).map((o) => ({ o, size: o.questions.length + o.services.length }))
  return sized.sort((a, b) => b.size - a.size)[0]?.o ?? outcomeById('child-support')
}

function answerSets(outcome: Outcome): Answers[] {
  const domains = outcome.questions.map((q) => candidateAnswers(q))
  const rows = pairwiseRows(domains.map((d) => d.length)).map((row) =>
    Object.fromEntries(outcome.questions.map((q, i) => [q.id, (domains[i] ?? [])[row[i] ?? 0] as Answer])),
  )
  return [...PERSONAS.filter((p) => p.outcome === outcome.id).map((p) => p.answers), ...rows]
}

function time(label: string, sets: Answers[], calls: number, work: (a: Answers) => unknown): number {
  for (let i = 0; i < 2000; i++) work(sets[i % sets.length] ?? {})
  let sink = 0
  const start = process.hrtime.bigint()
  for (let i = 0; i < calls; i++) sink += work(sets[i % sets.length] ?? {}) ? 1 : 0
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / calls
  console.log(
    `${label.padEnd(34)} ${(ms * 1000).toFixed(1).padStart(8)} µs per call  (${calls} calls, ${sink > 0 ? 'ok' : '-'})`,
  )
  return ms
}

const outcome = largest()
const sets = answerSets(outcome)
const calls = Number(process.argv[2] ?? 20000)
console.log(
  `Outcome: ${outcome.id} (${outcome.questions.length} questions, ${outcome.services.length} services), ${sets.length} answer sets`,
)
const baseline = time('baseline: JSON.stringify(answers)', sets, calls, (a) => JSON.stringify(a))
// The day the answer sets were made for (their dates of birth fall in the intended bands).
const day = ENUMERATION_DAY
const next = time('nextQuestion', sets, calls, (a) => nextQuestion(outcome, a, day) ?? true)
const both = time('nextQuestion + plan', sets, calls, (a) => (nextQuestion(outcome, a, day), plan(outcome, a, day)))
console.log(
  `nextQuestion is ${(next / baseline).toFixed(1)}× the baseline; nextQuestion + plan is ${(both / baseline).toFixed(1)}×`,
)
console.log(`Target: under ${TARGET_MS} ms per call — ${both < TARGET_MS ? 'met' : 'NOT met'} (${both.toFixed(4)} ms)`)
