// Which bytes of a bundle came from which source, read from its source map (version 3): for
// worker-bundle-report.ts, which cuts a source's bytes out to see what it costs in gzip.

/** A stretch of the output (`start` to `end`, string offsets) that came from one source. */
export type SourceRange = { start: number; end: number; source: number }

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
const digitOf = new Map([...base64].map((char, index) => [char, index]))

/** The numbers of one mapping segment: base64 VLQ, five bits a digit, the sign in the lowest bit. */
function decodeSegment(segment: string): number[] {
  const numbers: number[] = []
  let value = 0
  let shift = 0
  for (const char of segment) {
    const digit = digitOf.get(char)
    if (digit === undefined) throw new Error(`Not a source map digit: ${JSON.stringify(char)}`)
    value += (digit & 31) * 2 ** shift
    shift += 5
    if (digit & 32) continue
    numbers.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2)
    value = 0
    shift = 0
  }
  return numbers
}

/**
 * The output's stretches by source, in order. A mapping segment marks where a source's code
 * starts; it runs to the next segment or the end of the line. Text before a line's first
 * segment, or after a segment without a source, belongs to none and is left out.
 */
export function outputBySource(code: string, mappings: string): SourceRange[] {
  const ranges: SourceRange[] = []
  let lineStart = 0
  let source = 0
  let open: { start: number; source: number } | undefined
  const close = (end: number) => {
    if (!open || end <= open.start) return
    const last = ranges.at(-1)
    if (last && last.source === open.source && last.end === open.start) last.end = end
    else ranges.push({ start: open.start, end, source: open.source })
  }
  for (const line of mappings.split(';')) {
    const lineEnd = code.indexOf('\n', lineStart)
    const end = lineEnd === -1 ? code.length : lineEnd
    let column = 0
    for (const segment of line.split(',')) {
      if (segment === '') continue
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment)
      column += columnDelta
      close(lineStart + column)
      if (sourceDelta === undefined) {
        open = undefined
        continue
      }
      source += sourceDelta
      open = { start: lineStart + column, source }
    }
    close(end)
    open = undefined
    if (lineEnd === -1) break
    lineStart = lineEnd + 1
  }
  return ranges
}

/** Folders packages put their code in, which a source map and the file it maps may not share. */
const layoutFolders = new Set(['src', 'dist', 'build', 'lib', 'esm', 'cjs', 'lib-esm'])

/** `node_modules/<package>/…` split into the package and its file without the layout folders. */
function packagePath(path: string): { pkg: string; stem: string } | undefined {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\/(.*)$/.exec(path)
  if (!match) return undefined
  const stem = (match[2] ?? '')
    .replace(/\.[cm]?[jt]sx?$/, '')
    .split('/')
    .filter((part) => !layoutFolders.has(part))
    .join('/')
  return { pkg: match[1] ?? '', stem }
}

/**
 * For each source of the map, the bundler's input it was part of (an index into `inputs`), or -1.
 * A package that ships its own source maps names its original files (`markdown-it/src/…` for
 * `markdown-it/dist/markdown-it.mjs`), and some of those maps point outside the package
 * (`node_modules/src/sql/sql.ts` for `drizzle-orm/sql/sql.js`): such a source is matched to the
 * input with the same path less its layout folders, or else to its package's only input, or its
 * largest, which makes a package's figure right and a file's an estimate.
 */
export function inputsOfSources(
  sources: readonly string[],
  inputs: readonly { name: string; bytes: number }[],
): number[] {
  const exact = new Map(inputs.map((input, index) => [input.name, index]))
  const byStem = new Map<string, number[]>()
  const byPackage = new Map<string, number[]>()
  inputs.forEach((input, index) => {
    const path = packagePath(input.name)
    if (!path) return
    byStem.set(path.stem, [...(byStem.get(path.stem) ?? []), index])
    byPackage.set(path.pkg, [...(byPackage.get(path.pkg) ?? []), index])
  })
  return sources.map((source) => {
    const found = exact.get(source)
    if (found !== undefined) return found
    const path = packagePath(source)
    if (!path) return -1
    const sameStem = byStem.get(path.stem)?.filter((index) => {
      const owner = packagePath(inputs[index]?.name ?? '')
      return path.pkg === 'src' || owner?.pkg === path.pkg
    })
    if (sameStem?.length === 1) return sameStem[0] ?? -1
    const ofPackage = byPackage.get(path.pkg) ?? []
    let largest = -1
    for (const index of ofPackage) {
      if (largest === -1 || (inputs[index]?.bytes ?? 0) > (inputs[largest]?.bytes ?? 0)) {
        largest = index
      }
    }
    return largest
  })
}
