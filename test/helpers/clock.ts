import type { Clock } from '../../app/clock'
import { PERSONA_DAY } from '../../app/triage/personas'

/**
 * When the test app's clock stands: mid-morning on the day the personas' plans are written
 * for (ages from dates of birth are worked out on it), in winter so UK time is UTC.
 */
export const TEST_NOW = new Date(PERSONA_DAY.getTime() + 10 * 60 * 60 * 1000)

/**
 * A clock that stands still until a test moves it: every "now" the app reads (ages,
 * session and draft expiry, sign-in windows, audit times) is the same on every run and
 * machine, and a test that needs time to pass says how much.
 */
export class TestClock {
  private at: number

  constructor(start: Date = TEST_NOW) {
    this.at = start.getTime()
  }

  /** The clock the app is given. */
  readonly now: Clock = () => new Date(this.at)

  /** Moves time on by `ms` milliseconds. */
  advance(ms: number): void {
    if (ms < 0) throw new Error('Time does not run backwards; use set() to start again')
    this.at += ms
  }

  /** Starts again at `at` (a persona's own day, say); earlier or later. */
  set(at: Date): void {
    this.at = at.getTime()
  }

  advanceMinutes(minutes: number): void {
    this.advance(minutes * 60 * 1000)
  }

  /** Milliseconds since the epoch, for values the app keeps as numbers (session markers). */
  millis(): number {
    return this.at
  }
}

/** A clock stopped at TEST_NOW, for code under test that needs one and never moves it. */
export const stoppedClock: Clock = () => new Date(TEST_NOW.getTime())
