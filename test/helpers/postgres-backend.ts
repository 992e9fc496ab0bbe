// Set up after the test framework in the "postgres+redis" jest project: createTestApp then
// gives each DATA_DIR its own PostgreSQL database and Redis key prefix, all dropped after
// the file's last test (a "restart" on the same DATA_DIR finds the same stores again).
import { releaseAll } from './test-backend'

process.env.PORTAL_TEST_BACKEND = 'postgres'
afterAll(releaseAll)
