// One runner for every suite; test files are named by kind (unit, integration, browser)
// through their folder under test/. Two projects, one command (`npm test`):
// - "sqlite": every suite on the one-machine defaults (SQLite, sessions in it);
// - "postgres+redis": the integration suite again on PostgreSQL and Redis (the several-
//   instances deployment), each test app in a fresh database and Redis key prefix
//   (test/helpers/test-backend.ts). The scale suite is left out of it: it chooses its
//   backends itself and already covers both.
const shared = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
}

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 30000,
  globalSetup: '<rootDir>/test/helpers/global-setup.js',
  globalTeardown: '<rootDir>/test/helpers/global-teardown.js',
  projects: [
    {
      ...shared,
      displayName: 'sqlite',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      // Fixtures are test files only other tests run (the red-run self-test), never the suite.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/fixtures/'],
    },
    {
      ...shared,
      displayName: 'postgres+redis',
      roots: ['<rootDir>/test/integration'],
      testMatch: ['**/*.test.ts'],
      // staff-add and export drive one-machine CLIs against DATA_DIR's SQLite file by design.
      testPathIgnorePatterns: [
        '/node_modules/',
        '<rootDir>/test/integration/scale/',
        '<rootDir>/test/integration/staff/staff-add.test.ts',
        '<rootDir>/test/integration/applications/export.test.ts',
        // Checks Jest's own exit status through a child run; no backend involved.
        '<rootDir>/test/integration/foundation/red-run.test.ts',
      ],
      setupFilesAfterEnv: ['<rootDir>/test/helpers/postgres-backend.ts'],
    },
  ],
}
