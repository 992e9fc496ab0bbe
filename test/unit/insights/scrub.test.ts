import { scrub } from '../../../app/insights/scrub'

describe('feedback text is scrubbed before it is stored', () => {
  it.each([
    ['email me at alys.jones+portal@example.co.uk please', 'email me at [removed] please'],
    ['my email is alys @ example . com', 'my email is [removed]'],
    ['NI number QQ 12 34 56 C was refused', 'NI number [removed] was refused'],
    ['ni qq123456c', 'ni [removed]'],
    ['my reference DBS-2345-6789 is lost', 'my reference [removed] is lost'],
    ['reference dbs 2345 6789', 'reference [removed]'],
    ['call 07700 900982 or +44 (0)29 2018 0000', 'call [removed] or [removed]'],
    ['card 4111-1111-1111-1111', 'card [removed]'],
    ['I live at CF10 1AA', 'I live at [removed]'],
  ])('%s', (typed, stored) => {
    expect(scrub(typed)).toBe(stored)
  })

  it('keeps what says how to improve the service, numbers of a few digits included', () => {
    const text = 'The information on the page also confused me. It took 15 minutes and 3 tries in 2026.'
    expect(scrub(text)).toBe(text)
  })
})
