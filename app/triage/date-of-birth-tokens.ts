/**
 * The autocomplete token of each part of a date question (the catalogue's only date is the
 * citizen's own date of birth, WCAG 1.3.5) — `off` with an adviser at the keyboard, so the
 * browser never offers the adviser's own birthday. The page states declare the same.
 */
export const dateOfBirthTokens = (assisted: boolean) => ({
  day: assisted ? 'off' : 'bday-day',
  month: assisted ? 'off' : 'bday-month',
  year: assisted ? 'off' : 'bday-year',
})
