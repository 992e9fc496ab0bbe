import path from 'node:path'

/**
 * The project root. This file compiles to `dist/paths.js` and runs from `app/paths.ts` under ts-jest,
 * so one level up is the root in both cases — which is why it sits at the top of `app/`.
 */
export const ROOT = path.resolve(__dirname, '..')
export const VIEWS_DIR = path.join(ROOT, 'views')
export const LOCALES_DIR = path.join(ROOT, 'app', 'locales')
/** The catalogue's data files: outcomes, services and personas (read at start-up). */
export const CATALOGUE_DIR = path.join(ROOT, 'app', 'catalogue', 'data')
export const PUBLIC_DIR = path.join(ROOT, 'dist', 'public')
export const GOVUK_FRONTEND_DIR = path.join(ROOT, 'node_modules', 'govuk-frontend', 'dist')
