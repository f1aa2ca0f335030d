import { describe, expect, it } from 'vitest'
import { inputsOfSources, outputBySource } from '../../scripts/worker-bundle-sources.ts'

// The bundle report (scripts/worker-bundle-report.ts) cuts each input's bytes out of the Worker
// bundle to estimate its gzip share: these pin how it finds those bytes in the source map.

describe('which output bytes came from which source', () => {
  it('reads each segment up to the next one or the line’s end, and skips text with no source', () => {
    const code = 'abcdef\nghij'
    // Line 1: column 0 from source 0, column 3 from source 1 ("G" is +3, "C" is +1).
    // Line 2: column 0 from source 0 ("D" is -1), column 2 from no source (a one-number segment).
    const mappings = 'AAAA,GCAA;ADAA,E'
    const ranges = outputBySource(code, mappings)
    expect(ranges.map((r) => [code.slice(r.start, r.end), r.source])).toEqual([
      ['abc', 0],
      ['def', 1],
      ['gh', 0],
    ])
  })

  it('joins neighbouring stretches of one source, and decodes numbers of several digits', () => {
    // "gB" is 16: the second segment starts at column 16, again in source 0.
    const code = `${'x'.repeat(16)}${'y'.repeat(4)}`
    const ranges = outputBySource(code, 'AAAA,gBAAA')
    expect(ranges).toEqual([{ start: 0, end: 20, source: 0 }])
  })
})

describe('which input a source belongs to', () => {
  it('matches a file by its path, a package’s own source files to its bundled file, and a stray map by its path inside the package', () => {
    const inputs = [
      { name: 'node_modules/markdown-it/dist/markdown-it.mjs', bytes: 50_000 },
      { name: 'node_modules/drizzle-orm/sql/sql.js', bytes: 5_000 },
      { name: 'node_modules/drizzle-orm/sqlite-core/dialect.js', bytes: 10_000 },
      { name: 'apps/server/src/forum/markdown.ts', bytes: 3_000 },
    ]
    const sources = [
      'apps/server/src/forum/markdown.ts',
      'node_modules/markdown-it/src/parser_block.ts',
      'node_modules/src/sql/sql.ts',
      'node_modules/src/sqlite-core/dialect.ts',
      'node_modules/somewhere-else/index.js',
      'apps/server/src/unlisted.ts',
    ]
    expect(inputsOfSources(sources, inputs)).toEqual([3, 0, 1, 2, -1, -1])
  })
})
