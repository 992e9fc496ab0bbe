import { CATALOGUE } from '../catalogue'
import { allMessages } from '../i18n/locales'
import { assertValidCatalogue } from './validate'

/** Catalogues already found sound in this process: tests bootstrap many apps. */
const checked = new WeakSet<object>()

/**
 * Run once before the server listens: a catalogue that references a fact nothing sets,
 * cannot reach a question or service, or lacks English or Welsh copy could tell a citizen
 * something wrong, so the portal refuses to start and names the broken item.
 */
export function checkTriageCatalogue(catalogue: object = CATALOGUE): void {
  if (checked.has(catalogue)) return
  assertValidCatalogue(catalogue, allMessages())
  checked.add(catalogue)
}
