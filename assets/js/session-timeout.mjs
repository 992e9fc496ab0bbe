/* global setInterval, clearInterval, URLSearchParams, FormData */
// The session timeout warning (WCAG 2.2.1 Timing adjustable). The server renders the
// <dialog> and its two forms only when the session holds something to lose; this module
// opens it as a modal `warningSeconds` before the idle limit, moves focus into it (the
// dialog's name and description are announced), counts down in a polite live region, and:
// - "Keep my answers" posts the form with fetch, which extends the server session, and
//   closes the dialog, returning focus where it was;
// - "Delete my answers" is an ordinary form post that ends the session;
// - at the limit, the same delete form is sent with reason "timeout".
// Escape counts as "Keep my answers": closing a warning must never lose answers.
// Tabs agree: each tab records its last contact with the server in localStorage, and every
// other tab moves its own deadline on (and closes an open warning) when it sees a later one.
// At the limit a tab sends how long it has been idle, and the server, not the tab, decides:
// a session another tab used since is kept, and this tab simply reloads its page.

const ANNOUNCE_EVERY_SECONDS = 15
const SHARED_KEY = 'portal-session-last-contact'

// localStorage can be missing or refuse (private modes, storage off): tabs then keep their own timers.
function readShared() {
  try {
    return Number(window.localStorage.getItem(SHARED_KEY)) || 0
  } catch {
    return 0
  }
}

function writeShared(time) {
  try {
    if (time > readShared()) window.localStorage.setItem(SHARED_KEY, String(time))
  } catch {
    // Nothing to share with.
  }
}

function format(dialog, seconds) {
  const t = (name, count) => dialog.dataset[name].replace('{count}', String(count))
  const time =
    seconds >= 60
      ? Math.ceil(seconds / 60) === 1
        ? t('textMinute', 1)
        : t('textMinutes', Math.ceil(seconds / 60))
      : seconds === 1
        ? t('textSecond', 1)
        : t('textSeconds', seconds)
  return dialog.dataset.textCountdown.replace('{time}', time)
}

export function initSessionTimeout(dialog, { now = () => Date.now() } = {}) {
  if (!dialog || typeof dialog.showModal !== 'function') return undefined
  const idleMs = Number(dialog.dataset.idleSeconds) * 1000
  const warningMs = Number(dialog.dataset.warningSeconds) * 1000
  const countdown = dialog.querySelector('#session-timeout-countdown')
  const heading = dialog.querySelector('#session-timeout-heading')
  const extendForm = dialog.querySelector('form[action="/session/extend"]')
  const deleteForm = dialog.querySelector('form[action="/session/delete"]')
  let lastContact = now()
  let deadline = lastContact + idleMs
  let warnTimer
  let tick
  let returnFocus
  let lastAnnounced

  const schedule = () => {
    clearTimeout(warnTimer)
    warnTimer = setTimeout(open, Math.max(0, deadline - warningMs - now()))
  }

  const update = () => {
    const left = Math.max(0, Math.ceil((deadline - now()) / 1000))
    if (left === 0) {
      expire()
      return
    }
    // A live region read out every second drowns a screen reader: announce at the start,
    // then every ANNOUNCE_EVERY_SECONDS, then each of the last few seconds is left silent.
    if (lastAnnounced === undefined || lastAnnounced - left >= ANNOUNCE_EVERY_SECONDS) {
      countdown.textContent = format(dialog, left)
      lastAnnounced = left
    }
  }

  function open() {
    if (dialog.open) return
    returnFocus = document.activeElement
    lastAnnounced = undefined
    countdown.textContent = ''
    dialog.showModal()
    heading.focus()
    update()
    tick = setInterval(update, 1000)
  }

  const close = () => {
    clearInterval(tick)
    if (dialog.open) dialog.close()
    if (returnFocus && typeof returnFocus.focus === 'function') returnFocus.focus()
  }

  // Another tab talked to the server later than this one: its deadline is this tab's too.
  const adopt = (time) => {
    if (!(time > lastContact)) return false
    lastContact = time
    deadline = lastContact + idleMs
    if (dialog.open) close()
    schedule()
    return true
  }

  function expire() {
    clearInterval(tick)
    if (adopt(readShared())) return
    deleteForm.querySelector('input[name="reason"]').value = 'timeout'
    const idleFor = deleteForm.querySelector('input[name="idleFor"]')
    if (idleFor) idleFor.value = String(Math.max(0, Math.round(now() - lastContact)))
    deleteForm.submit()
  }

  const extend = async () => {
    try {
      const response = await fetch(extendForm.action, {
        method: 'POST',
        body: new URLSearchParams(new FormData(extendForm)),
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      })
      if (!response.ok) throw new Error(`status ${response.status}`)
      lastContact = now()
      deadline = lastContact + idleMs
      writeShared(lastContact)
      close()
      schedule()
    } catch {
      // The session could not be extended (it may already have ended): send the form the
      // ordinary way so the server shows what happened.
      extendForm.submit()
    }
  }

  extendForm.addEventListener('submit', (event) => {
    event.preventDefault()
    extend()
  })
  dialog.addEventListener('cancel', (event) => {
    event.preventDefault()
    extend()
  })
  window.addEventListener('storage', (event) => {
    if (event.key === SHARED_KEY) adopt(Number(event.newValue) || 0)
  })
  writeShared(lastContact)
  schedule()
  return { open, extend }
}
