// Runs after the last suite, in the same process as the tests (npm test is --runInBand).
// A suite that leaves a socket, server, timer or child process open would otherwise keep
// Jest alive after "Ran all test suites" until CI gives up, with nothing saying which
// handle it was. Instead: give handles a moment to close, then name what is still open,
// release it so the run ends, and fail the run so the leak gets fixed.
const GRACE_MS = 2000

function describeHandle(handle) {
  const kind = handle.constructor?.name ?? typeof handle
  const parts = [kind]
  try {
    if (handle.remotePort) parts.push(`to ${handle.remoteAddress}:${handle.remotePort}`)
    if (typeof handle.address === 'function' && handle.address()) parts.push(`on ${JSON.stringify(handle.address())}`)
    if (handle.spawnfile) parts.push(`pid ${handle.pid}: ${(handle.spawnargs ?? []).join(' ')}`)
  } catch {
    // A half-closed handle may refuse to describe itself; its kind is enough.
  }
  return parts.join(' ')
}

function leakedHandles() {
  return process
    ._getActiveHandles()
    .filter((h) => h !== process.stdin && h !== process.stdout && h !== process.stderr)
    .filter((h) => typeof h.hasRef !== 'function' || h.hasRef())
    .filter((h) => !(h.constructor?.name === 'WriteStream' || h.constructor?.name === 'ReadStream'))
}

module.exports = async function globalTeardown() {
  const deadline = Date.now() + GRACE_MS
  // The wait must keep the process alive (a ref'd timer): with an unref'd one, a run whose
  // last handle closed during the wait emptied the event loop, and Node exited 0 before
  // Jest could record failed tests as a failed run.
  while (leakedHandles().length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
  const leaked = leakedHandles()
  if (!leaked.length) return
  const names = leaked.map(describeHandle)
  for (const handle of leaked) {
    try {
      if (typeof handle.kill === 'function') handle.kill('SIGKILL')
      else if (typeof handle.destroy === 'function') handle.destroy()
      else if (typeof handle.close === 'function') handle.close()
      else if (typeof handle.unref === 'function') handle.unref()
    } catch {
      // Best effort: the run is failing anyway, and saying why.
    }
  }
  throw new Error(`A test left ${leaked.length} handle(s) open after the run:\n  ${names.join('\n  ')}`)
}
