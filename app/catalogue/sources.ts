import type { Figure, Source } from './types'

/**
 * Every source the catalogue quotes. Money and thresholds change every April, so each
 * carries the date it applies from; `unconfirmed` marks figures found only on a
 * third-party page (shipped with that page named, never as invented precision).
 */
const gov = (title: string, titleCy: string, path: string, validFrom: string): Source => ({
  title,
  titleCy,
  url: `https://www.gov.uk${path}`,
  validFrom,
})

const money = (amount: number, source: Source): Figure => ({ amount, unit: 'money', source })
export const number = (amount: number, source: Source): Figure => ({ amount, unit: 'number', source })

export const src = {
  dbsRole: gov(
    'Criminal record checks when you apply for a role',
    'Gwiriadau cofnodion troseddol pan fyddwch yn gwneud cais am swydd',
    '/criminal-record-checks-apply-role',
    '2024-12-02',
  ),
  dbsFees: {
    title: 'DBS check fees from 2 December 2024 (third-party summary)',
    titleCy: 'Ffioedd gwiriadau DBS o 2 Rhagfyr 2024 (crynodeb trydydd parti)',
    url: 'https://www.gov.uk/government/news/dbs-check-fees-to-change',
    validFrom: '2024-12-02',
    unconfirmed: true,
  } satisfies Source,
  dbsUpdate: gov(
    'DBS Update Service: applicant guide',
    'Gwasanaeth Diweddaru’r DBS: canllaw i ymgeiswyr',
    '/guidance/dbs-update-service-applicant-guide',
    '2024-12-02',
  ),
  dbsBasic: gov(
    'Request a basic DBS check',
    'Gwneud cais am wiriad DBS sylfaenol',
    '/request-copy-criminal-record',
    '2024-12-02',
  ),
  pvg: {
    title: 'PVG scheme – mygov.scot',
    titleCy: 'Cynllun PVG – mygov.scot',
    url: 'https://www.mygov.scot/pvg-scheme',
    validFrom: '2025-04-01',
  },
  accessNi: {
    title: 'AccessNI criminal record checks – nidirect',
    titleCy: 'Gwiriadau cofnodion troseddol AccessNI – nidirect',
    url: 'https://www.nidirect.gov.uk/campaigns/accessni-criminal-record-checks',
    validFrom: '2025-04-01',
  },
  careCertificate: {
    title: 'Care Certificate – Skills for Care',
    titleCy: 'Y Dystysgrif Gofal – Skills for Care',
    url: 'https://www.skillsforcare.org.uk/Developing-your-workforce/Care-Certificate/Care-Certificate.aspx',
    validFrom: '2025-04-01',
  },
  level2: {
    title: 'Level 2 Adult Social Care Certificate – Skills for Care',
    titleCy: 'Tystysgrif Gofal Cymdeithasol Oedolion Lefel 2 – Skills for Care',
    url: 'https://www.skillsforcare.org.uk/Developing-your-workforce/Qualifications/Level-2-Adult-Social-Care-Certificate.aspx',
    validFrom: '2025-04-01',
  },
  scwRegister: {
    title: 'Register as a social care worker – Social Care Wales (fee: third-party summary)',
    titleCy: 'Cofrestru fel gweithiwr gofal cymdeithasol – Gofal Cymdeithasol Cymru (ffi: crynodeb trydydd parti)',
    url: 'https://socialcare.wales/registration',
    validFrom: '2025-04-01',
    unconfirmed: true,
  } satisfies Source,
  awif: {
    title: 'All Wales Induction Framework – Social Care Wales',
    titleCy: 'Fframwaith Sefydlu Cymru Gyfan – Gofal Cymdeithasol Cymru',
    url: 'https://socialcare.wales/learning-and-development/all-wales-induction-framework-for-health-and-social-care',
    validFrom: '2025-04-01',
  },
  rightToWork: gov(
    'Prove your right to work to an employer',
    'Profi eich hawl i weithio i gyflogwr',
    '/prove-right-to-work',
    '2025-04-01',
  ),
  visa: {
    title: 'Health and Care Worker visa (third-party summary of July 2025 changes)',
    titleCy: 'Fisa Gweithiwr Iechyd a Gofal (crynodeb trydydd parti o newidiadau Gorffennaf 2025)',
    url: 'https://www.gov.uk/health-care-worker-visa',
    validFrom: '2025-07-22',
    unconfirmed: true,
  } satisfies Source,
  childBenefit: gov('Child Benefit', 'Budd-dal Plant', '/child-benefit', '2025-04-07'),
  hicbc: {
    title: 'High Income Child Benefit Charge (third-party summary)',
    titleCy: 'Tâl Treth Budd-dal Plant Incwm Uchel (crynodeb trydydd parti)',
    url: 'https://www.gov.uk/child-benefit-tax-charge',
    validFrom: '2024-04-06',
    unconfirmed: true,
  } satisfies Source,
  taxFree: {
    title: 'Tax-Free Childcare (third-party summary)',
    titleCy: 'Gofal Plant Di-dreth (crynodeb trydydd parti)',
    url: 'https://www.gov.uk/tax-free-childcare',
    validFrom: '2025-04-06',
    unconfirmed: true,
  } satisfies Source,
  freeChildcare: gov(
    'Free childcare if you’re working',
    'Gofal plant am ddim os ydych yn gweithio',
    '/free-childcare-if-working',
    '2025-09-01',
  ),
  freeChildcare15: gov(
    '15 hours free childcare for 3 and 4-year-olds',
    '15 awr o ofal plant am ddim i blant 3 a 4 oed',
    '/help-with-childcare-costs/free-childcare-and-education-for-2-to-4-year-olds',
    '2025-09-01',
  ),
  freeChildcare2: gov(
    'Free education and childcare for 2-year-olds if you get some benefits',
    'Addysg a gofal plant am ddim i blant 2 oed os ydych yn cael rhai budd-daliadau',
    '/help-with-childcare-costs/free-childcare-2-year-olds',
    '2025-09-01',
  ),
  childcareOfferWales: {
    title: 'Childcare Offer for Wales – GOV.WALES',
    titleCy: 'Cynnig Gofal Plant Cymru – LLYW.CYMRU',
    url: 'https://www.gov.wales/childcare-offer-for-wales-campaign',
    validFrom: '2025-04-01',
  },
  flyingStart: {
    title: 'Flying Start – GOV.WALES',
    titleCy: 'Dechrau’n Deg – LLYW.CYMRU',
    url: 'https://www.gov.wales/get-help-flying-start',
    validFrom: '2025-04-01',
  },
  ucChildcare: gov(
    'Universal Credit: help with childcare costs',
    'Credyd Cynhwysol: help gyda chostau gofal plant',
    '/universal-credit/what-youll-get',
    '2025-04-07',
  ),
  sureStart: gov(
    'Sure Start Maternity Grant',
    'Grant Mamolaeth Cychwyn Cadarn',
    '/sure-start-maternity-grant',
    '2025-04-07',
  ),
  bestStart: {
    title: 'Best Start Grant and Best Start Foods – mygov.scot',
    titleCy: 'Grant Dechrau Gorau a Bwydydd Dechrau Gorau – mygov.scot',
    url: 'https://www.mygov.scot/best-start-grant-best-start-foods',
    validFrom: '2025-04-01',
  },
  healthyStart: {
    title: 'Get help to buy food and milk (Healthy Start) – NHS',
    titleCy: 'Cael help i brynu bwyd a llaeth (Cychwyn Iach) – GIG',
    url: 'https://www.healthystart.nhs.uk/',
    validFrom: '2025-04-07',
  },
  schoolMeals: gov(
    'Apply for free school meals',
    'Gwneud cais am brydau ysgol am ddim',
    '/apply-free-school-meals',
    '2025-09-01',
  ),
  dla: gov(
    'Disability Living Allowance (DLA) for children',
    'Lwfans Byw i’r Anabl (DLA) i blant',
    '/disability-living-allowance-children',
    '2025-04-07',
  ),
  cdp: {
    title: 'Child Disability Payment – mygov.scot',
    titleCy: 'Taliad Anabledd Plant – mygov.scot',
    url: 'https://www.mygov.scot/child-disability-payment',
    validFrom: '2025-04-07',
  },
  carersAllowance: gov("Carer's Allowance", 'Lwfans Gofalwr', '/carers-allowance', '2025-04-07'),
  carerSupport: {
    title: 'Carer Support Payment – mygov.scot',
    titleCy: 'Taliad Cymorth Gofalwyr – mygov.scot',
    url: 'https://www.mygov.scot/carer-support-payment',
    validFrom: '2025-04-07',
  },
  pip: gov('Personal Independence Payment (PIP)', 'Taliad Annibyniaeth Personol (PIP)', '/pip', '2025-04-07'),
  adp: {
    title: 'Adult Disability Payment – mygov.scot',
    titleCy: 'Taliad Anabledd Oedolion – mygov.scot',
    url: 'https://www.mygov.scot/adult-disability-payment',
    validFrom: '2025-04-07',
  },
  scp: {
    title: 'Scottish Child Payment – mygov.scot',
    titleCy: 'Taliad Plant yr Alban – mygov.scot',
    url: 'https://www.mygov.scot/scottish-child-payment',
    validFrom: '2025-04-07',
  },
  guardians: gov("Guardian's Allowance", 'Lwfans Gwarcheidwad', '/guardians-allowance', '2025-04-07'),
  registerDeath: {
    title: 'Register a death (Scotland deadline: third-party summary)',
    titleCy: 'Cofrestru marwolaeth (dyddiad cau yn yr Alban: crynodeb trydydd parti)',
    url: 'https://www.gov.uk/register-a-death',
    validFrom: '2025-04-01',
    unconfirmed: true,
  } satisfies Source,
  tellUsOnce: gov(
    'Tell Us Once',
    'Dweud Wrthym Unwaith',
    '/after-a-death/organisations-you-need-to-contact-and-tell-us-once',
    '2025-04-01',
  ),
  bsp: gov('Bereavement Support Payment', 'Taliad Cymorth Profedigaeth', '/bereavement-support-payment', '2023-02-09'),
  funeral: gov('Funeral Expenses Payment', 'Taliad Costau Angladd', '/funeral-payments', '2025-04-07'),
  funeralScot: {
    title: 'Funeral Support Payment – mygov.scot',
    titleCy: 'Taliad Cymorth Angladd – mygov.scot',
    url: 'https://www.mygov.scot/funeral-support-payment',
    validFrom: '2025-04-07',
  },
  carersCredit: {
    title: "Carer's Credit (third-party summary)",
    titleCy: 'Credyd Gofalwr (crynodeb trydydd parti)',
    url: 'https://www.gov.uk/carers-credit',
    validFrom: '2025-04-06',
    unconfirmed: true,
  } satisfies Source,
  carersAssessment: {
    title: 'Getting a carer’s assessment – NHS',
    titleCy: 'Cael asesiad gofalwr – GIG',
    url: 'https://www.nhs.uk/social-care-and-support/support-and-benefits-for-carers/carer-assessments/',
    validFrom: '2025-04-01',
  },
  ucCarer: gov(
    'Universal Credit: what you’ll get',
    'Credyd Cynhwysol: beth fyddwch chi’n ei gael',
    '/universal-credit/what-youll-get',
    '2025-04-07',
  ),
  statePension: gov(
    'Check your State Pension age',
    'Gwirio oed eich Pensiwn y Wladwriaeth',
    '/state-pension-age',
    '2026-05-06',
  ),
} as const

/** Figures quoted in copy as `{name}`; each keeps the source it came from. */
export const fig = {
  dbsBasic: money(21.5, src.dbsRole),
  dbsEnhanced: money(49.5, src.dbsFees),
  dbsUpdate: money(16, src.dbsFees),
  scwFee: money(30, src.scwRegister),
  hicbcStart: money(60000, src.hicbc),
  hicbcAll: money(80000, src.hicbc),
  tfc: money(2000, src.taxFree),
  tfcDisabled: money(4000, src.taxFree),
  incomeLimit: money(100000, src.freeChildcare),
  ucTakeHome: money(408, src.healthyStart),
  sureStart: money(500, src.sureStart),
  bspHigher: money(3500, src.bsp),
  bspHigherMonthly: money(350, src.bsp),
  bspLower: money(2500, src.bsp),
  bspLowerMonthly: money(100, src.bsp),
  carersEarnings: money(196, src.carersAllowance),
  statePensionAge: number(66, src.statePension),
} as const
