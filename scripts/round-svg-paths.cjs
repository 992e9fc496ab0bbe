// Rounds the coordinates of an SVG's paths to a tenth of a unit, for images drawn at about
// their own size (the GOV.UK crest is 125 × 102 and shown at 125 × 102 CSS pixels): two
// decimals there are invisible, and cost ~30% of the file on every first visit.
//
// Rounding the numbers as written would not do: most commands are relative, so the errors
// would add up along a path. Instead every point is made absolute, rounded, and written
// relative to the previous *rounded* point, so each point is within 0.05 of where it was.

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/
/** Parameters per command; an arc's large-arc and sweep flags are single digits, maybe unseparated. */
const ARITY = { m: 2, l: 2, t: 2, h: 1, v: 1, c: 6, s: 4, q: 4, a: 7, z: 0 }

const round = (n) => Math.round(n * 10) / 10

function format(n) {
  const text = String(round(n) === 0 ? 0 : round(n))
  return text.replace(/^(-?)0\./, '$1.')
}

/** Numbers with the fewest separators: none before a sign, nor before `.5` after a number with a point. */
function join(numbers) {
  let out = ''
  let previous = ''
  for (const text of numbers) {
    const bare = out === '' || text.startsWith('-') || (text.startsWith('.') && previous.includes('.'))
    out += bare ? text : ` ${text}`
    previous = text
  }
  return out
}

function tokens(d) {
  const list = []
  let rest = d.trim()
  let command
  let index = 0
  while (rest.length > 0) {
    rest = rest.replace(/^[\s,]+/, '')
    if (rest.length === 0) break
    if (/^[a-zA-Z]/.test(rest)) {
      command = rest[0]
      index = 0
      list.push(command)
      rest = rest.slice(1)
      continue
    }
    const arcFlag = command?.toLowerCase() === 'a' && (index % 7 === 3 || index % 7 === 4)
    const match = arcFlag ? /^[01]/.exec(rest) : NUMBER.exec(rest)
    if (!match) throw new Error(`Unreadable path data at "${rest.slice(0, 20)}"`)
    list.push(Number(match[0]))
    rest = rest.slice(match[0].length)
    index++
  }
  return list
}

/** The path data `d` with every point within 0.05 of where it was. */
function roundPath(d) {
  const list = tokens(d)
  let out = ''
  let exact = [0, 0]
  let shown = [0, 0]
  let start = [
    [0, 0],
    [0, 0],
  ]
  let i = 0
  while (i < list.length) {
    let command = list[i++]
    if (typeof command !== 'string') throw new Error('Path data must start with a command')
    const lower = command.toLowerCase()
    const relative = command === lower
    const arity = ARITY[lower]
    if (arity === undefined) throw new Error(`Unknown path command ${command}`)
    out += command
    if (arity === 0) {
      ;[exact, shown] = [start[0], start[1]]
      continue
    }
    const written = []
    do {
      const p = list.slice(i, i + arity)
      i += arity
      const origin = relative ? exact : [0, 0]
      const absolute = (x, y) => [x + origin[0], y + origin[1]]
      const emit = ([x, y]) => {
        const base = relative ? shown : [0, 0]
        written.push(format(round(x) - base[0]), format(round(y) - base[1]))
      }
      let end
      if (lower === 'h') {
        end = [p[0] + (relative ? exact[0] : 0), exact[1]]
        written.push(format(round(end[0]) - (relative ? shown[0] : 0)))
      } else if (lower === 'v') {
        end = [exact[0], p[0] + (relative ? exact[1] : 0)]
        written.push(format(round(end[1]) - (relative ? shown[1] : 0)))
      } else if (lower === 'a') {
        // Radii and rotation are kept as they were; only the end point moves.
        written.push(String(p[0]), String(p[1]), String(p[2]), String(p[3]), String(p[4]))
        end = absolute(p[5], p[6])
        emit(end)
      } else {
        for (let k = 0; k < arity; k += 2) {
          const point = absolute(p[k], p[k + 1])
          emit(point)
          end = point
        }
      }
      exact = end
      shown = [round(end[0]), round(end[1])]
      if (lower === 'm' && written.length === 2) start = [exact, shown]
    } while (i < list.length && typeof list[i] === 'number')
    out += join(written)
  }
  return out
}

/** The SVG text with every `d="…"` rounded. */
function roundSvgPaths(svg) {
  return svg.replace(/\sd="([^"]*)"/g, (_, d) => ` d="${roundPath(d)}"`)
}

module.exports = { roundPath, roundSvgPaths }
