import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runOk } from './run.ts'

export type TempProject = {
  dir: string
  /** Writes a file into the project. */
  write(path: string, content: string): void
  remove(): void
}

/**
 * An empty project in a temp folder with the given tarballs (and registry packages, such as
 * `@types/node`) installed, as a user would install them: `npm install` from nothing, no
 * workspace around it, nothing of this repository on its module path.
 *
 * @example
 * const project = await installedProject([packed['@porchlight/sdk'].tarball])
 */
export async function installedProject(packages: string[]): Promise<TempProject> {
  const dir = mkdtempSync(join(tmpdir(), 'porchlight-installed-'))
  const write = (path: string, content: string) => writeFileSync(join(dir, path), content)
  write(
    'package.json',
    `${JSON.stringify({ name: 'installed-check', private: true, type: 'module' }, null, 2)}\n`,
  )
  try {
    await runOk('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...packages], {
      cwd: dir,
    })
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw error
  }
  return { dir, write, remove: () => rmSync(dir, { recursive: true, force: true }) }
}
