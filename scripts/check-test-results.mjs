// Reads Jest's JSON results (npm test -- --json --outputFile=…) and fails unless tests ran
// and none failed. CI's second line of defence: a run whose exit status lies (a teardown
// that let Node exit 0 after failures, a crash before any suite) still fails here.
import { readFileSync } from 'node:fs'

const file = process.argv[2]
if (!file) {
  console.error('usage: node scripts/check-test-results.mjs <jest-results.json>')
  process.exit(2)
}

let results
try {
  results = JSON.parse(readFileSync(file, 'utf8'))
} catch (error) {
  console.error(`No readable Jest results at ${file}: ${error.message}`)
  process.exit(1)
}

const problems = []
if (!(results.numTotalTests > 0)) problems.push('no tests ran')
if (results.numFailedTests !== 0) problems.push(`${results.numFailedTests} test(s) failed`)
if (results.numFailedTestSuites !== 0) problems.push(`${results.numFailedTestSuites} suite(s) failed`)
if (results.numRuntimeErrorTestSuites !== 0) problems.push(`${results.numRuntimeErrorTestSuites} suite(s) did not run`)
// Off CI a suite may skip for a missing server or browser (it says so); under CI it may not.
if (process.env.CI === 'true' && (results.numPendingTests !== 0 || results.numTodoTests !== 0))
  problems.push(`${results.numPendingTests} skipped and ${results.numTodoTests} todo test(s)`)
if (results.success !== true) problems.push('Jest did not report success')

if (problems.length) {
  for (const suite of results.testResults ?? [])
    if (suite.status !== 'passed') console.error(`  ${suite.status}: ${suite.name}`)
  console.error(`Test results: ${problems.join('; ')}`)
  process.exit(1)
}
console.log(`Test results: ${results.numPassedTests} of ${results.numTotalTests} tests passed`)
