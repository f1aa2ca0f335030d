import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

/** examples/app, where vite.config.ts and index.html are. */
export const appRoot = fileURLToPath(new URL('..', import.meta.url))

/**
 * Builds the app for production as `npm run build` does, with `env` as the only .env file it
 * sees (not a developer's own examples/app/.env), into a new temp folder. Returns that folder,
 * with `dist/` (the built app) inside.
 */
export async function buildApp(env: Record<string, string>): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-example-app-'))
  const envDir = join(dir, 'env')
  mkdirSync(envDir)
  writeFileSync(
    join(envDir, '.env'),
    Object.entries(env)
      .map(([name, value]) => `${name}=${value}\n`)
      .join(''),
  )
  await build({
    root: appRoot,
    configFile: join(appRoot, 'vite.config.ts'),
    envDir,
    logLevel: 'warn',
    build: { outDir: join(dir, 'dist'), emptyOutDir: true },
  })
  return dir
}

/** Every file of a built app, by path relative to `dist/`, as text. */
export function builtFiles(dist: string): Map<string, string> {
  const files = new Map<string, string>()
  for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files.set(path.slice(dist.length + 1), readFileSync(path, 'utf8'))
  }
  return files
}
