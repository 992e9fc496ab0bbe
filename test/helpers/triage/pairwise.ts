/**
 * All-pairs (pairwise) test rows: every value of every parameter appears with every value
 * of every other parameter in at least one row. Used where an outcome's full answer space
 * is too large to enumerate (over 20,000 combinations). Greedy and deterministic: the
 * same domains always give the same rows.
 */
export function pairwiseRows(sizes: readonly number[]): number[][] {
  const key = (i: number, a: number, j: number, b: number) => `${i}:${a}:${j}:${b}`
  const uncovered = new Set<string>()
  for (let i = 0; i < sizes.length; i++)
    for (let j = i + 1; j < sizes.length; j++)
      for (let a = 0; a < (sizes[i] ?? 0); a++) for (let b = 0; b < (sizes[j] ?? 0); b++) uncovered.add(key(i, a, j, b))

  const rows: number[][] = []
  while (uncovered.size > 0) {
    const [first] = uncovered
    const [i, a, j, b] = (first as string).split(':').map(Number) as [number, number, number, number]
    const row = sizes.map(() => -1)
    row[i] = a
    row[j] = b
    for (let k = 0; k < sizes.length; k++) {
      if (row[k] !== -1) continue
      let best = 0
      let bestGain = -1
      for (let v = 0; v < (sizes[k] ?? 0); v++) {
        let gain = 0
        for (let m = 0; m < sizes.length; m++) {
          const value = row[m] as number
          if (m === k || value === -1) continue
          if (uncovered.has(m < k ? key(m, value, k, v) : key(k, v, m, value))) gain++
        }
        if (gain > bestGain) [best, bestGain] = [v, gain]
      }
      row[k] = best
    }
    for (let m = 0; m < sizes.length; m++)
      for (let n = m + 1; n < sizes.length; n++) uncovered.delete(key(m, row[m] as number, n, row[n] as number))
    rows.push(row)
  }
  return rows
}
