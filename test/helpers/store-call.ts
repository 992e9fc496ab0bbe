/**
 * express-session stores answer through callbacks; the store tests await them. One helper, so a store that
 * calls back with an error fails the test the same way in every suite.
 */
export function storeCall<T>(fn: (cb: (err?: unknown, value?: T) => void) => void): Promise<T | undefined> {
  return new Promise((resolve, reject) => fn((err, value) => (err ? reject(err) : resolve(value))))
}
