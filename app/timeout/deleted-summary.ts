import { applicationById } from '../applications/registry'
import { OUTCOME_IDS, type OutcomeId } from '../catalogue/types'

/**
 * What "Delete my answers" deletes, by id only: the outcomes with answers, the applications
 * whose unsent draft goes, how many emailed links stop working, and the outcomes whose
 * kept plan (and its emailed link) goes. After the session is
 * gone this travels in the query of the "deleted" page, so it holds no personal data — ids
 * of the portal's own outcomes and applications, and a count — and reads back only ids the
 * portal knows.
 */
export interface DeletedSummary {
  outcomes: OutcomeId[]
  applications: string[]
  links: number
  /** Outcomes whose plan this browser kept by email (issue 15): the plan and its link are deleted. */
  plans: OutcomeId[]
}

const isOutcome = (id: string): id is OutcomeId => (OUTCOME_IDS as readonly string[]).includes(id)

/** The outcomes a session holds answers for (session.triage), in the catalogue's order. */
export function answeredOutcomes(triage: unknown): OutcomeId[] {
  if (!triage || typeof triage !== 'object') return []
  const held = triage as Record<string, unknown>
  return OUTCOME_IDS.filter((id) => {
    const answers = held[id]
    return Boolean(answers && typeof answers === 'object' && Object.keys(answers).length > 0)
  })
}

export function summaryQuery(summary: DeletedSummary): Record<string, string> {
  return {
    ...(summary.outcomes.length ? { answers: summary.outcomes.join(' ') } : {}),
    ...(summary.applications.length ? { applications: summary.applications.join(' ') } : {}),
    ...(summary.links ? { links: String(summary.links) } : {}),
    ...(summary.plans.length ? { plans: summary.plans.join(' ') } : {}),
  }
}

/** Reads a summary back from the query; anything unknown is dropped, never shown. */
export function summaryFrom(query: {
  answers?: string
  applications?: string
  links?: string
  plans?: string
}): DeletedSummary {
  const words = (value: string | undefined) => [...new Set((value ?? '').split(/[\s+]+/).filter(Boolean))]
  const links = Number(query.links)
  return {
    outcomes: words(query.answers).filter(isOutcome),
    applications: words(query.applications).filter((id) => applicationById(id) !== undefined),
    links: Number.isSafeInteger(links) && links > 0 && links < 1000 ? links : 0,
    plans: words(query.plans).filter(isOutcome),
  }
}
