import { createTestApp, Browserish, type TestApp } from '../../helpers/app'
import { journeys } from './fixtures'
import { apiKeysConfig } from '../../helpers/submissions-api'

export const API_KEY = 'test-submissions-key-0123456789'

/** The real app on a temporary database, with one hand-over API key that reads every application. */
export async function applicationsApp(): Promise<TestApp> {
  return createTestApp({ SUBMISSIONS_API_KEYS: apiKeysConfig({ name: 'test-provider', key: API_KEY }) })
}

/** Answers every page of an application through HTTP, checking each redirects onwards. */
export async function answerAll(browser: Browserish, app: string, steps = journeys[app] ?? []): Promise<void> {
  await browser.get(`/apply/${app}/task-list`)
  for (const [path, form] of steps) {
    const url = `/apply/${app}/${path}`
    const res = await browser.post(url, { ...form, action: 'continue' }, url)
    if (res.status !== 303)
      throw new Error(
        `${url} answered ${res.status}: ${/govuk-error-summary__list[\s\S]*?<\/ul>/.exec(res.text)?.[0] ?? ''}`,
      )
  }
}

export async function submit(browser: Browserish, app: string) {
  return browser.post(`/apply/${app}/declaration`, { confirm: 'yes' }, `/apply/${app}/declaration`)
}
