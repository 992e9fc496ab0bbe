/**
 * Where a prefilled answer is changed: the triage question itself, which returns to check
 * answers afterwards. The one place that knows the triage URL shape.
 */
export function triageChangeUrl(outcome: string, question: string, returnTo: string): string {
  return `/outcomes/${outcome}/${question}?returnTo=${encodeURIComponent(returnTo)}`
}
