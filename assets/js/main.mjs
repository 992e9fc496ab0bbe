// Progressive enhancement only: every journey works without this file.
import { initAll } from 'govuk-frontend'

initAll()
