import { RedisStore } from 'connect-redis'
import type session from 'express-session'
import { withDeadline, type RedisClient } from './redis-client'

/**
 * Sessions shared by every instance. connect-redis stores each as one JSON value with a
 * TTL from the cookie's expiry, so an answer is either saved whole or not at all.
 * Every command has a deadline, so a silent Redis costs a request under two seconds.
 * The Redis must run with `maxmemory-policy noeviction`: evicting a key would silently
 * throw away a citizen's answers.
 */
export function createRedisSessionStore(client: RedisClient, prefix = 'portal:sess:', deadlineMs = 800): session.Store {
  return new RedisStore({ client: withDeadline(client, deadlineMs), prefix })
}
