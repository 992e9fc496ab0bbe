import type { Migration } from './migration'

/**
 * Plans a citizen asks to keep without an account ("Email me this plan", issue 15): the
 * answers that rebuild the plan, its language, the address the link went to (kept so that
 * reminders can be sent later; blanked when the link is stopped) and the link's SHA-256 —
 * never the link itself. `kept_plan_items` holds what the citizen marked done and the
 * reference of anything applied for inside the portal, one row per plan item touched.
 */
export const keptPlans: Migration = {
  id: '070-kept-plans',
  sql: [
    `CREATE TABLE kept_plans (
      id TEXT PRIMARY KEY,
      token_hash TEXT NOT NULL UNIQUE,
      outcome TEXT NOT NULL,
      answers TEXT NOT NULL,
      language TEXT NOT NULL,
      email TEXT NOT NULL,
      created_at TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      revoked_at TEXT
    )`,
    'CREATE INDEX kept_plans_expires ON kept_plans (expires_at)',
    `CREATE TABLE kept_plan_items (
      plan_id TEXT NOT NULL REFERENCES kept_plans (id) ON DELETE CASCADE,
      item TEXT NOT NULL,
      done_at TEXT,
      reference TEXT,
      PRIMARY KEY (plan_id, item)
    )`,
  ],
}
