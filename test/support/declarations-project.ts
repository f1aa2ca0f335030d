// A package's published declarations in a project that uses them: built as `npm run build`
// builds them (the package's own tsup options), installed into a temp project's node_modules
// with the package's manifest, and compiled there by the TypeScript compiler with
// `skipLibCheck: false`, so an error inside the declarations fails too. Shared by the type tests
// of the SDK and the embed; it depends on nothing of the project.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { build, type Options } from 'tsup'
import ts from 'typescript'

export type DeclarationsProject = {
  /** The temp project's folder. */
  dir: string
  /**
   * Links an installed package's folder in as `node_modules/<name>`, as a project that installed
   * it has it; its own dependencies resolve from where it really is, as the compiler follows
   * the link. Linking a name again does nothing.
   */
  link(name: string, folder: string): void
  /**
   * Writes `files` into the project and compiles them; returns the compiler's messages, one a
   * line (`/<file>:<line>: <message>`), none when they compile.
   */
  compile(compilerOptions: object, files: Record<string, string>): string[]
  remove(): void
}

/**
 * Builds the declarations of the package in `pkg.dir` with `pkg.build` (its tsup options, paths
 * made absolute: tests run from the repository root) and installs them as
 * `node_modules/<pkg.name>/dist`, with `pkg.files` copied from the package beside them.
 * `compilerOptions` are the project's own, under each compile's.
 *
 * @example
 * const project = await declarationsProject({ dir, name: '@porchlight/sdk', build, files: ['package.json'] })
 * expect(project.compile({ lib: ['es2022'], types: [] }, { 'server.ts': code })).toEqual([])
 */
export async function declarationsProject(pkg: {
  dir: string
  name: string
  build: Options
  files: string[]
  compilerOptions?: object
}): Promise<DeclarationsProject> {
  const dir = mkdtempSync(join(tmpdir(), `porchlight-${basename(pkg.dir)}-types-`))
  const installed = join(dir, 'node_modules', pkg.name)
  await build({ ...pkg.build, outDir: join(installed, 'dist'), silent: true, config: false })
  for (const file of pkg.files)
    cpSync(join(pkg.dir, file), join(installed, file), { recursive: true })
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: 'module' }))

  return {
    dir,
    link(name, folder) {
      const target = join(dir, 'node_modules', name)
      if (existsSync(target)) return
      mkdirSync(dirname(target), { recursive: true })
      symlinkSync(folder, target)
    },
    compile(compilerOptions, files) {
      for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text)
      const { options, errors } = ts.convertCompilerOptionsFromJson(
        {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          ...pkg.compilerOptions,
          ...compilerOptions,
        },
        dir,
      )
      const program = ts.createProgram({
        rootNames: Object.keys(files).map((name) => join(dir, name)),
        options,
      })
      return [...errors, ...ts.getPreEmitDiagnostics(program)].map((diagnostic) => {
        const where = diagnostic.file
          ? `${diagnostic.file.fileName.replace(dir, '')}:${
              diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1
            }: `
          : ''
        return where + ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')
      })
    },
    remove() {
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
