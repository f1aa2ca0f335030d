// Measures what a browser downloads for the console's first page, as the production build ships
// it: the entry chunk and every chunk it imports statically (sign-in is in it), plus the
// overview's lazy chunk and its own static imports (the first page of an operator already
// signed in). Minified by Vite, gzipped here. Run `npm run size -w @porchlight/console` for the
// table; it fails (exit code 1) past the budget, and test/size.test.ts holds the same line.
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build, type Rolldown } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))

/** Issue 12: at most 80 KB of JavaScript, min+gzip, before the first page can be used. */
export const firstPageBudget = 80 * 1024

export type FirstPageSize = {
  /** Which first page: `sign-in` (the entry alone) or `overview` (the entry and its chunk). */
  page: 'sign-in' | 'overview'
  /** The chunks a browser fetches for it, by file name. */
  files: string[]
  min: number
  gzip: number
}

type Chunk = Rolldown.OutputChunk

/** The chunk and every chunk it imports statically, transitively. */
function staticClosure(start: Chunk, byName: Map<string, Chunk>): Chunk[] {
  const seen = new Map<string, Chunk>()
  const visit = (chunk: Chunk) => {
    if (seen.has(chunk.fileName)) return
    seen.set(chunk.fileName, chunk)
    for (const name of chunk.imports) {
      const imported = byName.get(name)
      if (imported) visit(imported)
    }
  }
  visit(start)
  return [...seen.values()]
}

function sizeOf(page: FirstPageSize['page'], chunks: Chunk[]): FirstPageSize {
  // Each file is gzipped by itself, as a server sends it.
  return {
    page,
    files: chunks.map((chunk) => chunk.fileName).sort(),
    min: chunks.reduce((sum, chunk) => sum + Buffer.byteLength(chunk.code), 0),
    gzip: chunks.reduce((sum, chunk) => sum + gzipSync(chunk.code).byteLength, 0),
  }
}

/**
 * Builds the console (in memory) and measures both first pages.
 *
 * @example
 * const [signIn, overview] = await firstPageSizes()
 * overview.gzip <= firstPageBudget
 */
export async function firstPageSizes(): Promise<FirstPageSize[]> {
  const result = await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    root,
    logLevel: 'silent',
    build: { write: false },
  })
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[]
  const chunks = outputs
    .flatMap((output) => output.output)
    .filter((item): item is Chunk => item.type === 'chunk')
  const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]))
  const entry = chunks.find((chunk) => chunk.isEntry)
  const overview = chunks.find((chunk) =>
    chunk.facadeModuleId?.endsWith('/pages/overview/overview-page.tsx'),
  )
  if (!entry || !overview) throw new Error('the build has no entry chunk or no overview chunk')
  const entryChunks = staticClosure(entry, byName)
  const overviewChunks = staticClosure(overview, byName).filter(
    (chunk) => !entryChunks.includes(chunk),
  )
  return [sizeOf('sign-in', entryChunks), sizeOf('overview', [...entryChunks, ...overviewChunks])]
}

if (import.meta.main) {
  const sizes = await firstPageSizes()
  console.table(
    sizes.map((size) => ({
      'first page': size.page,
      files: size.files.length,
      'min (KB)': (size.min / 1024).toFixed(1),
      'min+gzip (KB)': (size.gzip / 1024).toFixed(1),
      'budget (KB)': (firstPageBudget / 1024).toFixed(1),
    })),
  )
  const over = sizes.filter((size) => size.gzip > firstPageBudget)
  if (over.length > 0) {
    console.error(`Over the budget: ${over.map((size) => size.page).join(', ')}`)
    process.exitCode = 1
  }
}
