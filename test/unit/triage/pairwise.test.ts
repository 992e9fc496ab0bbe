import { pairwiseRows } from '../../helpers/triage/pairwise'

describe('pairwise rows', () => {
  it('cover every pair of values of every two parameters', () => {
    const sizes = [4, 7, 3, 2, 4]
    const rows = pairwiseRows(sizes)
    for (let i = 0; i < sizes.length; i++)
      for (let j = i + 1; j < sizes.length; j++)
        for (let a = 0; a < (sizes[i] ?? 0); a++)
          for (let b = 0; b < (sizes[j] ?? 0); b++) expect(rows.some((row) => row[i] === a && row[j] === b)).toBe(true)
    expect(rows.length).toBeLessThan(4 * 7 * 3 * 2 * 4)
  })

  it('gives the same rows every time', () => {
    expect(pairwiseRows([3, 3, 3])).toEqual(pairwiseRows([3, 3, 3]))
  })
})
