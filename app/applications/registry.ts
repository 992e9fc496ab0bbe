import { applicationSchema, type Application, type Field, type Page } from './definition'
import { factFor, factsIn } from '../rules/holds'
import { outcomeById } from '../catalogue'
import { careWorkerWales } from './definitions/care-worker-wales'
import { childBenefit } from './definitions/child-benefit'
import { dbsBasic } from './definitions/dbs-basic'

/** Thrown at start-up when a definition is broken, naming the application and the problem. */
export class DefinitionError extends Error {}

/** Every field an application can hold, add-another items excepted. */
export function fieldsOf(page: Page): readonly Field[] {
  return page.kind === 'addAnother' ? [] : page.fields
}

export function allPages(app: Application): Page[] {
  return app.sections.flatMap((s) => s.pages)
}

/** Facts the answers of an application can set: `<field>:<option>` for every choice field. */
function settableFacts(app: Application): Set<string> {
  const facts = new Set<string>()
  for (const page of allPages(app))
    for (const f of fieldsOf(page)) for (const o of f.options ?? []) facts.add(factFor(f.id, o))
  return facts
}

/**
 * Parses a definition and checks what zod cannot: unique ids, the special fields present,
 * and every fact a rule reads settable by some answer (else the page could never show).
 */
export function validateApplication(input: unknown): Application {
  const parsed = applicationSchema.safeParse(input)
  const name = (input as { id?: string } | undefined)?.id ?? '?'
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new DefinitionError(`Application ${name}: ${issue?.path.join('.')}: ${issue?.message}`)
  }
  const app = parsed.data
  const pageIds = new Set<string>()
  const fieldIds = new Set<string>()
  for (const page of allPages(app)) {
    if (pageIds.has(page.id)) throw new DefinitionError(`Application ${app.id}: page ${page.id} appears twice`)
    pageIds.add(page.id)
    // Item fields share the copy namespace with top-level fields, so they must be unique too.
    const ids =
      page.kind === 'addAnother' ? [page.field, ...page.itemFields.map((f) => f.id)] : page.fields.map((f) => f.id)
    for (const id of ids) {
      if (fieldIds.has(id)) throw new DefinitionError(`Application ${app.id}: field ${id} appears twice`)
      fieldIds.add(id)
    }
  }
  for (const special of [app.dateOfBirthField, app.emailField, app.nameField])
    if (!fieldIds.has(special)) throw new DefinitionError(`Application ${app.id}: field ${special} is not defined`)
  // Tell us once only works if the triage really asks the question a field reads.
  const triageQuestions = new Set(outcomeById(app.outcome)?.questions.map((q) => q.id) ?? [])
  for (const page of allPages(app))
    for (const f of fieldsOf(page))
      if (f.fromTriage && !triageQuestions.has(f.fromTriage.question))
        throw new DefinitionError(
          `Application ${app.id}: field ${f.id} reads triage question ${f.fromTriage.question}, which ${app.outcome} does not ask`,
        )
  const facts = settableFacts(app)
  for (const page of allPages(app))
    for (const fact of page.askIf ? factsIn(page.askIf) : [])
      if (!facts.has(fact))
        throw new DefinitionError(`Application ${app.id}: page ${page.id} reads fact ${fact}, which no answer sets`)
  return app
}

/** The three applications, validated once when this module loads: a broken one stops start-up. */
export const applications: readonly Application[] = [dbsBasic, careWorkerWales, childBenefit].map(validateApplication)

export function applicationById(id: string): Application | undefined {
  return applications.find((a) => a.id === id)
}

export function findPage(app: Application, pageId: string): Page | undefined {
  return allPages(app).find((p) => p.id === pageId)
}
