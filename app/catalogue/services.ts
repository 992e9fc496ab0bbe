import type { Figure, How, Service, Source } from './types'
import { fig, src } from './sources'

/** Organisations named only as "provided by"; copy under `catalogue.providers.<id>`. */
export const PROVIDERS = [
  'dbs',
  'disclosure-scotland',
  'accessni',
  'skills-for-care',
  'social-care-wales',
  'home-office',
  'employer',
  'hmrc',
  'dwp',
  'department-for-education',
  'welsh-government',
  'social-security-scotland',
  'nhs',
  'local-council',
  'registrar',
] as const

const link: How = { kind: 'link' }

function service(
  id: string,
  provider: (typeof PROVIDERS)[number],
  source: Source,
  how: How = link,
  figures?: Record<string, Figure>,
): Service {
  return { id, provider, url: source.url, how, source, ...(figures ? { figures } : {}) }
}

const list: Service[] = [
  // Work in care
  service('dbs-check-employer', 'dbs', src.dbsRole, link, { fee: fig.dbsEnhanced }),
  service('dbs-check-volunteer', 'dbs', src.dbsRole),
  service('dbs-check-self-employed', 'dbs', src.dbsRole, link, { fee: fig.dbsEnhanced }),
  service('dbs-basic-check', 'dbs', src.dbsBasic, { kind: 'portal', application: 'dbs-basic' }, { fee: fig.dbsBasic }),
  service('dbs-status-check', 'employer', src.dbsUpdate),
  service('dbs-update-service', 'dbs', src.dbsUpdate, link, { fee: fig.dbsUpdate }),
  service('pvg-scheme', 'disclosure-scotland', src.pvg),
  service('accessni-check', 'accessni', src.accessNi),
  service('care-certificate', 'skills-for-care', src.careCertificate),
  service('adult-social-care-certificate', 'skills-for-care', src.level2),
  service(
    'social-care-wales-register',
    'social-care-wales',
    src.scwRegister,
    { kind: 'portal', application: 'care-worker-wales' },
    { fee: fig.scwFee },
  ),
  service('all-wales-induction', 'social-care-wales', src.awif),
  service('right-to-work-documents', 'employer', src.rightToWork),
  service('right-to-work-share-code', 'home-office', src.rightToWork),
  service('health-care-worker-visa', 'home-office', src.visa),
  // Support for a child
  service(
    'child-benefit',
    'hmrc',
    src.childBenefit,
    { kind: 'portal', application: 'child-benefit' },
    { hicbcStart: fig.hicbcStart, hicbcAll: fig.hicbcAll },
  ),
  service('tax-free-childcare', 'hmrc', src.taxFree, link, {
    amount: fig.tfc,
    disabled: fig.tfcDisabled,
    limit: fig.incomeLimit,
  }),
  service('free-childcare-working-england', 'department-for-education', src.freeChildcare, link, {
    limit: fig.incomeLimit,
  }),
  service('free-childcare-3-4-england', 'department-for-education', src.freeChildcare15),
  service('free-childcare-2-england', 'department-for-education', src.freeChildcare2),
  service('childcare-offer-wales', 'welsh-government', src.childcareOfferWales, link, { limit: fig.incomeLimit }),
  service('flying-start', 'welsh-government', src.flyingStart),
  service('uc-childcare-costs', 'dwp', src.ucChildcare),
  service('sure-start-maternity-grant', 'dwp', src.sureStart, link, { amount: fig.sureStart }),
  service('best-start-grant', 'social-security-scotland', src.bestStart),
  service('healthy-start', 'nhs', src.healthyStart, link, { limit: fig.ucTakeHome }),
  service('best-start-foods', 'social-security-scotland', src.bestStart),
  service('free-school-meals', 'local-council', src.schoolMeals),
  service('dla-children', 'dwp', src.dla),
  service('child-disability-payment', 'social-security-scotland', src.cdp),
  service('carers-allowance', 'dwp', src.carersAllowance, link, { earnings: fig.carersEarnings }),
  service('carer-support-payment', 'social-security-scotland', src.carerSupport, link, {
    earnings: fig.carersEarnings,
  }),
  service('pip', 'dwp', src.pip),
  service('adult-disability-payment', 'social-security-scotland', src.adp),
  service('scottish-child-payment', 'social-security-scotland', src.scp),
  service('guardians-allowance', 'hmrc', src.guardians),
  // Someone has died
  service('register-death', 'registrar', src.registerDeath),
  service('tell-us-once', 'local-council', src.tellUsOnce),
  service(
    'bereavement-support-higher',
    'dwp',
    src.bsp,
    { kind: 'phone', phone: '0800 151 2012' },
    { lump: fig.bspHigher, monthly: fig.bspHigherMonthly },
  ),
  service(
    'bereavement-support-lower',
    'dwp',
    src.bsp,
    { kind: 'phone', phone: '0800 151 2012' },
    { lump: fig.bspLower, monthly: fig.bspLowerMonthly },
  ),
  service('funeral-expenses-payment', 'dwp', src.funeral, { kind: 'phone', phone: '0800 151 2012' }),
  service('funeral-support-payment', 'social-security-scotland', src.funeralScot, {
    kind: 'phone',
    phone: '0800 182 2222',
  }),
  // Caring for someone
  service('carers-credit', 'dwp', src.carersCredit),
  service('carers-assessment', 'local-council', src.carersAssessment),
  service('uc-carer-element', 'dwp', src.ucCarer),
]

/** Every service by id. Several outcomes place the same service (Child Benefit, Guardian's Allowance). */
export const SERVICES: Readonly<Record<string, Service>> = Object.fromEntries(list.map((s) => [s.id, s]))
