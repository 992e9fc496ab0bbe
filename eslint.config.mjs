import js from '@eslint/js'
import tseslint from 'typescript-eslint'

const READ_THE_CLOCK = 'reads the wall clock: use the injected clock (deps.clock, or a `today`/`now` parameter)'
/** Every way to read the current time from Date. `new Date(value)` (parsing) stays allowed. */
const WALL_CLOCK = [
  { selector: 'NewExpression[callee.name="Date"][arguments.length=0]', message: `new Date() ${READ_THE_CLOCK}` },
  { selector: 'MemberExpression[object.name="Date"][property.name="now"]', message: `Date.now ${READ_THE_CLOCK}` },
  { selector: 'CallExpression[callee.name="Date"]', message: `Date() ${READ_THE_CLOCK}` },
]

export default tseslint.config(
  { ignores: ['node_modules', 'dist', 'data', 'reports', 'coverage', 'assets/js/vendor'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // One clock (app/clock.ts): nothing else in app/ reads the wall clock, so tests can pin
    // and move time. Take `deps.clock`, or a `today`/`now` parameter. The allow-list is the
    // clock itself here, plus one-line disables that say why (test/unit/foundation/one-clock.test.ts
    // lists them): time spans (process.hrtime) are not dates and are not restricted.
    files: ['app/**/*.ts'],
    ignores: ['app/clock.ts'],
    rules: { 'no-restricted-syntax': ['error', ...WALL_CLOCK] },
  },
  {
    // DESIGN.md: http/ files never reach store/ directly. dependency-cruiser checks imports;
    // this catches a query through the Db the app was given (`deps.db.run(…)`).
    files: ['app/*/http/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        // The rule's options replace those of the block above, so the clock's come along.
        ...WALL_CLOCK,
        {
          selector: "MemberExpression[object.property.name='db'][property.name=/^(run|get|all|transaction)$/]",
          message: 'http/ never queries the database: call a service (DESIGN.md, Layers and folders).',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        __dirname: 'readonly',
        module: 'writable',
        require: 'readonly',
        URL: 'readonly',
        document: 'readonly',
        window: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        fetch: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
