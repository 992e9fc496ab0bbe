/** Thrown at start-up: the message names every broken item so the fix is obvious. */
export class CatalogueError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`The triage catalogue is broken:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
  }
}
