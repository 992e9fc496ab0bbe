import type { Translate } from '../../i18n/translate'
import { keys } from '../../triage/copy-keys'
import type { DeletedSummary } from '../deleted-summary'

/** The lines of "what will be deleted" (before) or "what was deleted" (after), in the reader's language. */
export function deletedView(summary: DeletedSummary, t: Translate): { items: string[]; links: boolean } {
  return {
    items: [
      ...summary.outcomes.map((id) => t('timeout.deletedItems.answers', { outcome: t(keys.outcome(id).title) })),
      ...summary.applications.map((id) => t('timeout.deletedItems.application', { application: t(`${id}.title`) })),
      ...summary.plans.map((id) => t('timeout.deletedItems.keptPlan', { outcome: t(keys.outcome(id).title) })),
    ],
    links: summary.links > 0,
  }
}
