import fs from 'node:fs'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Whether browser suites can run. On a developer machine without Chromium they skip with
 * a message saying how to get it; under CI=true a missing Chromium fails the run, so a
 * green CI always means the browser suites ran.
 */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true
  if (process.env.CI === 'true') {
    throw new Error(`Chromium is required in CI but ${CHROMIUM_PATH} does not exist (apt-get install -y chromium)`)
  }
  console.warn(`Skipping browser tests: ${CHROMIUM_PATH} not found. Install it with: apt-get install -y chromium`)
  return false
}
