import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { TestProject } from 'vitest/node'
import {
  type PackedPackage,
  type PublishedName,
  publishedPackages,
  repositoryRoot,
} from './packages.ts'
import { runOk, userEnvironment } from './run.ts'

type NpmPackEntry = {
  name: PublishedName
  version: string
  filename: string
  size: number
  unpackedSize: number
  files: { path: string }[]
}

/**
 * Builds the three packages (turbo: the SDK, then the embed bundle, then the server, which
 * copies the bundle into its own dist; unchanged inputs come from turbo's cache) and packs each
 * once for the whole run. Test files install the tarballs they need into projects of their own.
 */
export default async function setup(project: TestProject) {
  const names = Object.keys(publishedPackages) as PublishedName[]
  const env = { ...userEnvironment(), TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' }
  await runOk(
    'npx',
    ['turbo', 'run', 'build', '--output-logs=errors-only', ...names.map((n) => `--filter=${n}`)],
    { cwd: repositoryRoot, env },
  )
  const folder = mkdtempSync(join(tmpdir(), 'porchlight-packed-'))
  const { stdout } = await runOk(
    'npm',
    ['pack', '--json', '--pack-destination', folder, ...names.flatMap((n) => ['-w', n])],
    { cwd: repositoryRoot, env },
  )
  const entries = JSON.parse(stdout) as NpmPackEntry[]
  const packed = Object.fromEntries(
    entries.map((entry): [PublishedName, PackedPackage] => [
      entry.name,
      {
        name: entry.name,
        version: entry.version,
        tarball: join(folder, entry.filename),
        size: entry.size,
        unpackedSize: entry.unpackedSize,
        files: entry.files.map((file) => file.path),
      },
    ]),
  ) as Record<PublishedName, PackedPackage>
  project.provide('packed', packed)
  return () => rmSync(folder, { recursive: true, force: true })
}
