import { registry } from '../../app/a11y/registry'
import { readReviews, reviewStatus, type ReviewFile } from '../../app/i18n/review'
import { createTestApp } from '../../test/helpers/app'
import { renderWelshStates } from '../../test/helpers/welsh/states'
import { copyUsage } from './usage'

/** Every registered page state rendered in Welsh, and the Welsh strings each one shows. */
export async function welshUsage(): Promise<Map<string, string[]>> {
  const t = await createTestApp()
  try {
    return copyUsage(await renderWelshStates(t, registry().states))
  } finally {
    await t.close()
  }
}

/** The page states every Welsh string of which is reviewed. */
export function reviewedPages(usage: ReadonlyMap<string, readonly string[]>, reviews: ReviewFile = readReviews()) {
  return [...usage].filter(([, keys]) => keys.every((k) => reviewStatus(k, reviews) === 'reviewed')).map(([id]) => id)
}
