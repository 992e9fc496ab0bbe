import { englishOn } from '../../helpers/english-copy'
import { readerText } from '../../helpers/pages/reader-text'
import { isWelsh, unknownWelsh, wordList } from '../../helpers/welsh/spelling'

// The Welsh checks must fail when they should: these are the cases they exist for.
describe('Welsh spelling', () => {
  it('knows mutated forms and contractions', () => {
    expect(unknownWelsh('Gwneud cais nawr am Gofrestru. Mae’n byw yng Nghymru gyda’i chais a’r plant.')).toEqual([])
    expect(unknownWelsh('Tystysgrifau’n barod â’r dogfennau.')).toEqual([])
  })

  it('names the misspelt and the English words', () => {
    expect(unknownWelsh('Rhowch eich cyfeirand. Apply now for Child Benefit')).toEqual([
      'cyfeirand',
      'Apply',
      'now',
      'Child',
      'Benefit',
    ])
  })

  it('takes listed names, several words long or with dots, as they are', () => {
    expect(unknownWelsh('Darparwr: Skills for Care, ar GOV.UK a mygov.scot')).toEqual([])
    expect(unknownWelsh('Skills for Everyone')).toEqual(['Skills', 'Everyone'])
  })

  it('leaves out what the citizen typed, addresses, references and codes', () => {
    const text =
      'Enw Freya Thompson, e-bost freya@example.com, gwefan https://www.gov.uk/child-benefit cyfeirnod CHB-QQQY-2345-X a DBS-MGBV-KQRT rhif QQ 12 34 56 C'
    expect(unknownWelsh(text, ['Freya Thompson'])).toEqual([])
    expect(unknownWelsh(text)).toEqual(['Freya', 'Thompson'])
  })

  it('every word-list entry gives its reason, and none is a word the dictionary already knows', () => {
    const { words } = wordList()
    for (const [word, reason] of Object.entries(words)) {
      expect({ word, reason: reason.length > 10 }).toEqual({ word, reason: true })
      if (/^\p{L}+$/u.test(word))
        expect({ word, known: isWelsh(word, { _why: '', words: {} }) }).toEqual({ word, known: false })
    }
  })
})

describe('reader text', () => {
  it('includes what a screen reader reads and what scripts show, and sets English parts apart', () => {
    const html =
      '<html lang="cy"><head><title>Teitl y dudalen</title><meta name="x" content="dim"></head><body>' +
      '<a aria-label="Label cudd" title="Teitl">Dolen</a><img alt="Llun"><div data-text-countdown="Mewn {time}.">' +
      '<span lang="en">English</span> <p lang="en">An <b>English</b> part</p> <script>var english = 1</script>' +
      '<code>flowchart TD</code> gwasanaeth&nbsp;hwn&rsquo;n</div></body></html>'
    const { text, english } = readerText(html)
    expect(text).toBe('Teitl y dudalen Dolen gwasanaeth hwn’n Label cudd Teitl Llun Mewn .')
    expect(english).toEqual(['English', 'An English part'])
  })
})

describe('English on a Welsh page', () => {
  it('finds the portal’s English copy, govuk-frontend’s defaults and unlisted English parts', () => {
    const html =
      '<p>Skip to main content</p><p>Rhowch eich enw</p><p lang="en">Child Benefit</p><p lang="en">English</p>'
    expect(englishOn(html)).toEqual(['lang="en": Child Benefit', 'Skip to main content'])
  })

  it('finds English in attributes and in the page title', () => {
    expect(englishOn('<head><title>Cookies</title></head><a aria-label="Accessibility statement">x</a>')).toEqual(
      expect.arrayContaining(['Cookies', 'Accessibility statement']),
    )
  })
})
