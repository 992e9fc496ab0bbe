// Which way imports may go in app/ (DESIGN.md, "Layers and folders"), checked by
// `npm run lint:deps` in `npm run check` and CI. test/unit/foundation/dependency-rules.test.ts
// proves that each rule below fails the check when broken.
//
// The rooms of an area (app/<area>/):
//   engine  — files in the area's root, and app/rules, app/catalogue: pure
//   service — app/<area>/service/: the I/O (store, notify, the injected clock)
//   http    — app/<area>/http/: parse input, call a service or engine, render or redirect
// and the shared rooms: middleware/, store/, notify/, views/ (rendering, caching, compression).

/** Every area: a folder of app/ with the three rooms. */
const AREAS = '(triage|applications|staff|insights|a11y|api|timeout|site|audit)'
/**
 * An engine file: an area's root file, or anything in the rule model or the catalogue — except
 * the catalogue's loader, which reads its data files once at start-up (as i18n/locales.ts reads copy).
 */
const ENGINE = `^app/(${AREAS}/[^/]+|rules/.+|catalogue/(?!load\\.ts$).+)\\.ts$`
const SERVICE = `^app/${AREAS}/service/`
const HTTP = `^app/${AREAS}/http/`

/** An npm package (or its types) by name, as dependency-cruiser resolves it. */
const npm = (...names) => `(^|/)node_modules/(@types/)?(${names.join('|')})/`
/** npm packages that do I/O or speak HTTP: no engine imports them. */
const IO_PACKAGES = [
  npm('express', 'express-session', 'nunjucks', 'helmet', 'csrf-sync', 'pg', 'redis', 'connect-redis'),
  npm('notifications-node-client', 'pino'),
]
/** What makes a file HTTP or rendering code. */
const HTTP_PACKAGES = npm('express', 'express-session', 'nunjucks', 'helmet', 'csrf-sync')
const IO_CORE = ['^(node:)?(fs|fs/promises|http|https|http2|net|child_process|worker_threads|zlib|sqlite)$']

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycles: each module can be understood (and tested) after the ones it imports.',
      from: { path: '^app/' },
      to: { circular: true },
    },
    {
      name: 'engine-is-pure',
      severity: 'error',
      comment:
        'Engines (an area root, app/rules, app/catalogue) import other engines, the rule model and catalogue types: never Express, I/O packages, store/, notify/, views/, middleware/, an area’s http/ or service/, or the clock.',
      from: { path: ENGINE },
      to: {
        path: [
          '^app/(store|notify|views|middleware|cli)/',
          `^app/${AREAS}/(http|service)/`,
          '^app/(deps|bootstrap|app|server|logger|config)\\.ts$',
          '^app/clock(\\.ts$|/)',
          ...IO_PACKAGES,
          ...IO_CORE,
        ],
      },
    },
    {
      name: 'service-speaks-no-http',
      severity: 'error',
      comment:
        'Services do the I/O (engines, store/, notify/, the injected clock): never Express, views/ or HTTP code.',
      from: { path: SERVICE },
      to: {
        path: ['^app/(views|middleware)/', `^app/${AREAS}/http/`, HTTP_PACKAGES],
      },
    },
    {
      name: 'http-goes-through-a-service',
      severity: 'error',
      comment:
        'http/ files parse, call a service or engine, and render or redirect: they never reach store/ or notify/ (naming a type, such as the Db a service is handed, is not reaching it).',
      from: { path: HTTP },
      to: { path: ['^app/(store|notify)/'], dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'middleware-knows-no-routes',
      severity: 'error',
      comment: 'Middleware is cross-cutting: it may use an engine, never an area’s HTTP code or services.',
      from: { path: '^app/middleware/' },
      to: { path: [`^app/${AREAS}/(http|service)/`] },
    },
    {
      name: 'views-know-no-area',
      severity: 'error',
      comment: 'app/views is rendering infrastructure: it knows nothing of any area, the stores or the middleware.',
      from: { path: '^app/views/' },
      to: { path: [`^app/${AREAS}/`, '^app/(store|notify|middleware|rules|catalogue|cli)/'] },
    },
    {
      name: 'rendering-is-one-service',
      severity: 'error',
      comment:
        'How pages are rendered, cached and compressed is app/views’ business: outside it, only the app’s assembly uses its one interface (app/views/rendering.ts).',
      from: { path: '^app/', pathNot: ['^app/views/', '^app/app\\.ts$'] },
      to: { path: '^app/views/' },
    },
    {
      name: 'only-views-compress',
      severity: 'error',
      comment: 'Compression (zlib: gzip, Brotli, Zstandard) is the rendering service’s alone.',
      from: { path: '^app/', pathNot: '^app/views/' },
      to: { path: '^(node:)?zlib$' },
    },
    {
      name: 'app-never-imports-tests',
      severity: 'error',
      comment: 'Nothing of test/ lives in, or is reached from, app/.',
      from: { path: '^app/' },
      to: { path: '^(test|bench|scripts)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: ['^app/', '^test/', '^bench/', '^scripts/', 'node_modules', '^(node:)?[a-z_]+$'],
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
}
