// Progressive enhancement only: every journey works without this file.
import { initAll } from 'govuk-frontend'
import { initSessionTimeout } from './session-timeout.mjs'

initAll()
initSessionTimeout(document.querySelector('[data-module="app-session-timeout"]'))
