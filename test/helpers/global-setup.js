// Everything is built once before any suite runs, as `npm start` would build it: browser
// tests need the compiled stylesheets (colour contrast depends on them) and process tests
// start dist/server.js the way a user does.
const { execFileSync } = require('node:child_process')
const path = require('node:path')

module.exports = async function globalSetup() {
  // The red-run self-test runs this configuration again in a child Jest to check its exit
  // status; the parent run has already built everything, so the child need not build again.
  if (process.env.PORTAL_ALREADY_BUILT === '1') return
  execFileSync(process.execPath, [path.join(__dirname, '..', '..', 'scripts', 'build.mjs')], {
    stdio: ['ignore', 'ignore', 'inherit'],
  })
}
