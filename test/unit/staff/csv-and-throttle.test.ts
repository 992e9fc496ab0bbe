import { csvCell, toCsv } from '../../../app/staff/csv'
import { delayBeforeAttempt } from '../../../app/staff/sign-in-throttle'

describe('audit CSV', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"\n']])).toBe('a,b\r\n"x,y","say ""hi""\n"\r\n')
  })

  // OWASP's CSV injection list: a cell starting with any of these may be run as a formula.
  it.each([
    ['=', '=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['+', '+1+cmd|calc', "'+1+cmd|calc"],
    ['-', '-2+3+cmd|calc', "'-2+3+cmd|calc"],
    ['@', '@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['tab', '\t=1+1', "'\t=1+1"],
    ['carriage return', '\r=1+1', `"'\r=1+1"`],
  ])('neutralises a cell starting with %s, so a spreadsheet shows it as text', (_name, value, cell) => {
    expect(csvCell(value)).toBe(cell)
  })

  it('leaves other cells as they are, the same characters included when they do not come first', () => {
    expect(csvCell('a=b+c-d@e')).toBe('a=b+c-d@e')
    expect(csvCell('')).toBe('')
    expect(csvCell(null)).toBe('')
  })
})

describe('sign-in slowing', () => {
  it('lets two typos through at full speed, then doubles the wait, up to 4 seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(delayBeforeAttempt)).toEqual([0, 0, 250, 500, 1000, 2000, 4000])
  })
})
