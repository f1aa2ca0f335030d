// Seeded forum databases are kept between bench runs: a 1,000,000-post forum takes a couple of
// minutes to build and never changes for the same code. A file is reused only when it was built
// by the same seeding code, renderer and migrations with the same options: the key hashes all
// of them, so a new migration or a changed renderer builds a fresh one.
//
// Where: `$TMPDIR/porchlight-bench-cache/forum-<posts>-<key>.db` (+ `.json`, the manifest), or
// the folder given with `--forum-cache`. Older builds of the same size are removed when a new
// one is written (with leftovers of interrupted builds). Delete the folder to force a rebuild.
import { createHash } from 'node:crypto'
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrations } from '../src/db/migrations.generated.ts'
import { type ForumManifest, type SeedOptions, seedForum } from './forum-seed.ts'

export const defaultCacheDir = join(tmpdir(), 'porchlight-bench-cache')

/** Everything the content of a seeded database depends on. */
const sources = [
  './forum-seed.ts',
  './forum-content.ts',
  './forum-shape.ts',
  '../src/forum/markdown.ts',
  '../src/forum/markdown-safety.ts',
].map((path) => fileURLToPath(new URL(path, import.meta.url)))

export function cacheKey(options: SeedOptions): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify(migrations.map((m) => [m.tag, m.statements])))
  for (const file of sources) hash.update(readFileSync(file))
  hash.update(JSON.stringify(options))
  return hash.digest('hex').slice(0, 16)
}

/**
 * The path and manifest of a seeded database for `options`: the cached one, or a new one built
 * now (then cached). The file must not be written to; copy it first.
 */
export async function cachedForum(
  options: SeedOptions,
  cacheDir: string,
  log: (line: string) => void,
): Promise<{ path: string; manifest: ForumManifest; built: boolean }> {
  mkdirSync(cacheDir, { recursive: true })
  const name = `forum-${options.posts}-${cacheKey(options)}`
  const path = join(cacheDir, `${name}.db`)
  try {
    const manifest = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as ForumManifest
    return { path, manifest, built: false }
  } catch {
    // Not built yet (or half-written by an interrupted run: the manifest is written last).
  }
  log(`seeding ${options.posts} posts in ${options.threads} threads (cached for next time) …`)
  const building = join(cacheDir, `${name}.building-${process.pid}.db`)
  try {
    const manifest = await seedForum(building, options, (line) => log(`seed: ${line}`))
    renameSync(building, path)
    writeFileSync(`${path}.json`, `${JSON.stringify(manifest, null, 2)}\n`)
    log(`seeded in ${manifest.seconds} s: ${path}`)
    for (const file of readdirSync(cacheDir)) {
      const current = file === `${name}.db` || file === `${name}.db.json`
      if (file.startsWith(`forum-${options.posts}-`) && !current) {
        rmSync(join(cacheDir, file), { force: true })
      }
    }
    return { path, manifest, built: true }
  } finally {
    rmSync(building, { force: true })
  }
}
