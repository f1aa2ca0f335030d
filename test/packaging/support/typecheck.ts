import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { repositoryRoot } from './packages.ts'
import { run } from './run.ts'

/** The repository's TypeScript, run on a temp project's files against its node_modules. */
const tsc = join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc')

export type TypeCheckSetup = {
  /** Names the setup in file names and failure messages. */
  name: string
  module: 'node16' | 'nodenext' | 'preserve'
  moduleResolution: 'node16' | 'nodenext' | 'bundler'
  lib: string[]
  /** `@types/*` packages in scope; `[]` for none. */
  types: string[]
  /** Files (globs) to check, relative to the project. */
  include: string[]
  jsx?: 'react-jsx'
}

/**
 * Type-checks a temp project's files under one setup, as a consumer's `tsc` would. Library
 * checking stays on (`skipLibCheck: false`): an error inside a published declaration file is
 * exactly what these checks are for. Resolves to tsc's output; empty means no errors.
 *
 * @example
 * expect(await typeCheck(project.dir, { name: 'nodenext-dom', … })).toBe('')
 */
export async function typeCheck(dir: string, setup: TypeCheckSetup): Promise<string> {
  const config = `tsconfig.${setup.name}.json`
  writeFileSync(
    join(dir, config),
    JSON.stringify({
      compilerOptions: {
        target: 'es2022',
        module: setup.module,
        moduleResolution: setup.moduleResolution,
        lib: setup.lib,
        types: setup.types,
        strict: true,
        noEmit: true,
        skipLibCheck: false,
        ...(setup.jsx && { jsx: setup.jsx }),
      },
      include: setup.include,
    }),
  )
  const result = await run(process.execPath, [tsc, '-p', config, '--pretty', 'false'], {
    cwd: dir,
  })
  return `${result.stdout}${result.stderr}`.trim()
}
