import { csvCell, toCsv } from '../../../app/staff/csv'
import { delayBeforeAttempt } from '../../../app/staff/sign-in-throttle'

describe('audit CSV', () => {
  it('quotes commas, quotes and line breaks', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"\n']])).toBe('a,b\r\n"x,y","say ""hi""\n"\r\n')
  })

  it('neutralises cells a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`)
    expect(csvCell('+1')).toBe("'+1")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell(null)).toBe('')
  })
})

describe('sign-in slowing', () => {
  it('lets two typos through at full speed, then doubles the wait, up to 4 seconds', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(delayBeforeAttempt)).toEqual([0, 0, 250, 500, 1000, 2000, 4000])
  })
})
