// Progressive enhancement only: every journey works without this file.
// Only the components the portal renders: the build (esbuild, scripts/build.mjs) bundles
// govuk-frontend with just the ones imported here, so add one when a page uses it.
import {
  Button,
  Checkboxes,
  ErrorSummary,
  NotificationBanner,
  Radios,
  ServiceNavigation,
  SkipLink,
  createAll,
  isSupported,
} from 'govuk-frontend'
import { initSessionTimeout } from './session-timeout.mjs'

if (isSupported()) {
  for (const Component of [Button, Checkboxes, ErrorSummary, NotificationBanner, Radios, ServiceNavigation, SkipLink]) {
    createAll(Component)
  }
}
initSessionTimeout(document.querySelector('[data-module="app-session-timeout"]'))
