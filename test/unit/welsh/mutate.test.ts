import { mutate, mutateWord, type MutationData } from '../../../app/i18n/mutate'
import { interpolate, translator } from '../../../app/i18n/translate'

// Expected forms are from the Welsh grammar tables (soft: p t c b d g m ll rh; nasal: p t c b
// d g; aspirate: p t c), written out here by hand, never produced by the function under test.
describe('regular mutations of one word', () => {
  it.each([
    ['pobl', 'bobl'],
    ['tocyn', 'docyn'],
    ['Cofrestru', 'Gofrestru'],
    ['budd-dal', 'fudd-dal'],
    ['Dweud', 'Ddweud'],
    ['gofal', 'ofal'],
    ['Gwneud', 'Wneud'],
    ['Gweithio', 'Weithio'],
    ['mam', 'fam'],
    ['Llenwi', 'Lenwi'],
    ['rhif', 'rif'],
    ['Rhoi', 'Roi'],
    ['chwaer', 'chwaer'],
    ['Phenfro', 'Phenfro'],
    ['theatr', 'theatr'],
    ['Hawlio', 'Hawlio'],
    ['Ymuno', 'Ymuno'],
    ['afal', 'afal'],
    ['sut', 'sut'],
    ['ffôn', 'ffôn'],
  ])('soft: %s → %s', (word, expected) => {
    expect(mutateWord(word, 'soft')).toBe(expected)
  })

  it.each([
    ['pobl', 'mhobl'],
    ['Tad', 'Nhad'],
    ['Caerdydd', 'Nghaerdydd'],
    ['Bangor', 'Mangor'],
    ['Dinbych', 'Ninbych'],
    ['gwaith', 'ngwaith'],
    ['mam', 'mam'],
    ['llyfr', 'llyfr'],
    ['chwaer', 'chwaer'],
  ])('nasal: %s → %s', (word, expected) => {
    expect(mutateWord(word, 'nasal')).toBe(expected)
  })

  it.each([
    ['pen', 'phen'],
    ['Tad', 'Thad'],
    ['cais', 'chais'],
    ['Cymru', 'Chymru'],
    ['bara', 'bara'],
    ['gwaith', 'gwaith'],
  ])('aspirate: %s → %s', (word, expected) => {
    expect(mutateWord(word, 'aspirate')).toBe(expected)
  })
})

describe('mutating a value slotted into a sentence', () => {
  const data: MutationData = {
    forms: { 'Gall eich person ifanc hawlio PIP': { soft: 'Daliad PIP i’ch person ifanc' } },
    names: ['Disclosure Scotland', 'Skills for Care'],
  }

  it('mutates only the first word', () => {
    expect(mutate('Cofrestru fel gweithiwr gofal', 'soft', data)).toBe('Gofrestru fel gweithiwr gofal')
    expect(mutate('Porth dinasyddion', 'soft', data)).toBe('Borth dinasyddion')
  })

  it('uses a form given as data before the rules', () => {
    expect(mutate('Gall eich person ifanc hawlio PIP', 'soft', data)).toBe('Daliad PIP i’ch person ifanc')
  })

  it('leaves names, abbreviations, numbers, money and quotations as they are', () => {
    expect(mutate('Disclosure Scotland', 'soft', data)).toBe('Disclosure Scotland')
    expect(mutate('DBS check', 'soft', data)).toBe('DBS check')
    expect(mutate('20 munud', 'soft', data)).toBe('20 munud')
    expect(mutate('£21.50', 'soft', data)).toBe('£21.50')
    expect(mutate('‘ydw’ os ydych', 'soft', data)).toBe('‘ydw’ os ydych')
  })
})

describe('placeholders with a mutation', () => {
  it('{name:soft} is replaced by the mutated value; {name} by the value as given', () => {
    expect(interpolate('am {service:soft} a {service}', { service: 'Cofrestru' })).toBe('am Gofrestru a Cofrestru')
    expect(interpolate('fy {place:nasal}, â {thing:aspirate}', { place: 'Caerdydd', thing: 'cais' })).toBe(
      'fy Nghaerdydd, â chais',
    )
  })

  it('the Welsh copy reads "am Gofrestru" where the issue found "am Cofrestru"', () => {
    const t = translator('cy')
    const service = 'Cofrestru fel gweithiwr gofal cymdeithasol yng Nghymru'
    expect(`${t('triage.plan.applyNow')} ${t('triage.plan.applyNowFor', { service })}`).toBe(
      'Gwneud cais nawr am Gofrestru fel gweithiwr gofal cymdeithasol yng Nghymru',
    )
  })
})
