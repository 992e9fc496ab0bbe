/**
 * The autocomplete token of each part of a date question that asks the citizen's own date
 * of birth (a date question without an `event`, WCAG 1.3.5) — `off` with an adviser at the keyboard, so the
 * browser never offers the adviser's own birthday. The page states declare the same.
 */
export const dateOfBirthTokens = (assisted: boolean) => ({
  day: assisted ? 'off' : 'bday-day',
  month: assisted ? 'off' : 'bday-month',
  year: assisted ? 'off' : 'bday-year',
})
