import type { Db } from '../../store/db'
import type { Application } from '../definition'
import type { Answers, FieldValue, Item } from '../answers'
import { createDraft, findDraft, saveDraft, type Draft } from './draft-repository'
import { prefillFrom, type TriageAnswers } from '../prefill'
import { holds, newHolderKey } from './draft-ownership'

/**
 * Where one browser stands in one application: its draft (if any yet), the answers with
 * the triage prefill laid over them, and which fields came from the triage. No Express
 * here: routes pass in what they read from the session.
 */
export interface Journey {
  app: Application
  draft: Draft | undefined
  answers: Answers
  prefilled: Record<string, string>
  prefilledIds: ReadonlySet<string>
  visited: ReadonlySet<string>
  today: string
}

export interface Channel {
  channel: 'online' | 'assisted'
  staffId: string | null
  consentAt: string | null
  /** The adviser's case the draft is started in (app/staff/service/cases.ts), when assisted. */
  caseId: string | null
}

export const todayOf = (now: Date) => now.toISOString().slice(0, 10)

/**
 * A draft is only usable by its own application, while it has not expired, and by the
 * session holding its key (see draft-ownership.ts): a session that has lost the draft to a
 * link or an adviser simply has no draft.
 */
export async function activeDraft(
  db: Db,
  app: Application,
  held: { draftId: string | undefined; key: string | undefined },
  now: Date,
): Promise<Draft | undefined> {
  if (!held.draftId) return undefined
  const draft = await findDraft(db, held.draftId)
  if (!draft || draft.application !== app.id || draft.expiresAt <= now.toISOString()) return undefined
  return holds(draft, held.key) ? draft : undefined
}

export function journeyOf(app: Application, draft: Draft | undefined, triage: TriageAnswers, now: Date): Journey {
  const today = todayOf(now)
  const fresh = prefillFrom(app, triage, today)
  // Triage answers in this session win (the citizen may just have changed one); values
  // prefilled earlier and saved in the draft still count as prefilled on another device.
  const prefilled = { ...(draft?.meta.prefilled ?? {}), ...fresh.sources }
  const answers = { ...(draft?.answers ?? {}), ...fresh.values }
  return {
    app,
    draft,
    answers,
    prefilled,
    prefilledIds: new Set(Object.keys(prefilled)),
    visited: new Set(draft?.meta.visited ?? []),
    today,
  }
}

/** The journey's draft, or a new one with the key its session will hold (`key` is set only for a new draft). */
export async function ensureDraft(
  db: Db,
  journey: Journey,
  channel: Channel,
  locale: string,
  now: Date,
): Promise<{ draft: Draft; key?: string }> {
  if (journey.draft && !journey.draft.submittedAt) return { draft: journey.draft }
  const { key, hash } = newHolderKey()
  const draft = await createDraft(
    db,
    { application: journey.app.id, prefix: journey.app.referencePrefix, locale, holderHash: hash, ...channel },
    now,
  )
  return { draft, key }
}

/** Writes a page's answers (and the current prefill) into the draft. */
export async function storeAnswers(
  db: Db,
  journey: Journey,
  draft: Draft,
  values: Readonly<Record<string, FieldValue | readonly Item[]>>,
  page: { id: string; keys: readonly string[] },
  now: Date,
): Promise<Answers> {
  // The page's own keys are replaced as a whole, so clearing an optional answer clears it.
  const answers: Record<string, FieldValue | readonly Item[]> = Object.fromEntries(
    Object.entries(journey.answers).filter(([key]) => !page.keys.includes(key)),
  )
  Object.assign(answers, values)
  const pageId = page.id
  const visited = [...new Set([...journey.visited, pageId])]
  await saveDraft(db, { id: draft.id, answers, meta: { prefilled: journey.prefilled, visited } }, now)
  return answers
}
