// The SDK README's `ts` samples as TypeScript modules: type-checked against the SDK's own types,
// and turned into modules that run against a server. Each sample is a module of its own; the
// names its prose takes for granted (`email`, `postId`, `render`…) come from a prelude, declared
// for the type check and given real values for the run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import ts from 'typescript'
import type { CodeBlock } from '../../../apps/server/test/helpers/markdown-code-blocks.ts'

const sdkTest = fileURLToPath(new URL('.', import.meta.url))
const sdkSource = fileURLToPath(new URL('../src/index.ts', import.meta.url))

// "Cannot find name 'x'" (2304), with a suggestion (2552), as a shorthand property (18004), and
// for a name that another lib would declare, such as `document` without the DOM lib (2584).
const missingName = new Set([2304, 2552, 18004])
const missingLib = 2584

/** A sample as a module: its text, where it sits in the README, and what it names. */
export type SampleModule = {
  block: CodeBlock
  /** Free names: what the sample uses without declaring it. */
  free: string[]
  /** Names the sample declares at its top level, handed to the samples after it. */
  declared: string[]
  /** Whether it needs the DOM lib (it uses `document`, `window`…). */
  dom: boolean
}

// As a reader's project would compile: strict, modern target, the SDK through its package name.
// The `@porchlight/source` condition resolves it to its sources, as inside this repository.
const baseOptions: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  customConditions: ['@porchlight/source'],
  allowImportingTsExtensions: true,
  types: ['node'],
}

/**
 * Compiles each text as a module of its own (virtual files beside this test, so `@porchlight/sdk`
 * resolves from the workspace) and returns each one's diagnostics, not the SDK's.
 */
function diagnose(texts: string[], dom: boolean): ts.Diagnostic[][] {
  const names = texts.map((_, index) => join(sdkTest, `readme-sample-${index}.ts`))
  const options = {
    ...baseOptions,
    lib: dom ? ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'] : ['lib.es2023.d.ts'],
  }
  const host = ts.createCompilerHost(options)
  const virtual = new Map(names.map((name, index) => [name, texts[index] as string]))
  const { fileExists, readFile, getSourceFile } = host
  host.fileExists = (name) => virtual.has(name) || fileExists.call(host, name)
  host.readFile = (name) => virtual.get(name) ?? readFile.call(host, name)
  host.getSourceFile = (name, version, ...rest) => {
    const text = virtual.get(name)
    return text === undefined
      ? getSourceFile.call(host, name, version, ...rest)
      : ts.createSourceFile(name, text, version, true)
  }
  const program = ts.createProgram({ rootNames: names, options, host })
  return names.map((name) => {
    const file = program.getSourceFile(name) as ts.SourceFile
    return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]
  })
}

/** The names declared at a module's top level: variables (destructured too), functions, classes. */
function topLevelNames(code: string): string[] {
  const file = ts.createSourceFile('sample.ts', code, ts.ScriptTarget.ES2022, true)
  const names: string[] = []
  const bind = (name: ts.BindingName) => {
    if (ts.isIdentifier(name)) names.push(name.text)
    else
      for (const element of name.elements) if (!ts.isOmittedExpression(element)) bind(element.name)
  }
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bind(declaration.name)
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) &&
      statement.name
    ) {
      names.push(statement.name.text)
    }
  }
  return names
}

/**
 * Reads what each sample uses and declares, by compiling it alone: a name it cannot find is one
 * the prose assumes, and a name only another lib declares means the sample is for a page.
 */
export function sampleModules(blocks: CodeBlock[]): SampleModule[] {
  const alone = diagnose(
    blocks.map((block) => `${block.code}\nexport {}\n`),
    false,
  )
  return blocks.map((block, index) => {
    const found = alone[index] ?? []
    const free = new Set<string>()
    let dom = false
    for (const diagnostic of found) {
      const name = /'([^']+)'/.exec(ts.flattenDiagnosticMessageText(diagnostic.messageText, ''))
      if (missingName.has(diagnostic.code) && name) free.add(name[1] as string)
      if (diagnostic.code === missingLib) dom = true
    }
    return { block, free: [...free].sort(), declared: topLevelNames(block.code), dom }
  })
}

/**
 * Type-checks each sample with the prelude's declarations of its free names and returns the
 * errors as `<readme>:<line>: <message>`, one per error. `declarations` maps each name the
 * prose may assume to its declaration; a free name missing from it is an error too.
 */
export function typeErrors(
  modules: SampleModule[],
  declarations: Record<string, string>,
  readme: string,
): string[] {
  const errors: string[] = []
  const withPrelude = modules.map((module) => {
    const prelude = module.free.map((name) => declarations[name] ?? '').filter(Boolean)
    for (const name of module.free) {
      if (!declarations[name]) {
        errors.push(
          `${readme}:${module.block.line}: \`${name}\` is neither declared nor in the prelude`,
        )
      }
    }
    // `export {}` makes every sample a module, so top-level await is allowed in each.
    return { module, prelude: [...prelude, 'export {}'] }
  })
  for (const dom of [false, true]) {
    const group = withPrelude.filter(({ module }) => module.dom === dom)
    if (group.length === 0) continue
    const texts = group.map(
      ({ module, prelude }) => `${prelude.join('\n')}\n${module.block.code}\n`,
    )
    diagnose(texts, dom).forEach((diagnostics, index) => {
      const { module, prelude } = group[index] as (typeof group)[number]
      for (const diagnostic of diagnostics) {
        const at = diagnostic.file?.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line ?? 0
        // The opening fence is the block's line; its first line of code is the next one.
        const line = module.block.line + 1 + at - prelude.length
        errors.push(
          `${readme}:${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}`,
        )
      }
    })
  }
  return errors
}

const scopeKey = Symbol.for('porchlight.readme-samples')

/** The values samples read and leave behind, shared by the modules `runSample` writes. */
export function sampleScope(): Record<string, unknown> {
  const global = globalThis as unknown as Record<symbol, Record<string, unknown>>
  global[scopeKey] ??= {}
  return global[scopeKey]
}

let folder: string | undefined
// Each run is a new file: a module imported twice from one path would run only once.
let runs = 0

/**
 * Runs a sample as a module, as a reader's code would run: `replace` turns the README's example
 * server and key into real ones (`readme` names the file in errors), the free names are read from the scope, and the names the
 * sample declares go back into it for the samples after it. The module is a temp `.ts` file,
 * imported here, so the test's own TypeScript pipeline strips its types.
 */
export async function runSample(
  module: SampleModule,
  readme: string,
  replace: (code: string) => string,
): Promise<Record<string, unknown>> {
  const scope = sampleScope()
  const unset = module.free.filter((name) => !(name in scope))
  if (unset.length > 0) throw new Error(`no value for ${unset.join(', ')} in the scope`)
  folder ??= mkdtempSync(join(tmpdir(), 'porchlight-readme-'))
  const file = join(folder, `sample-${module.block.line}-${++runs}.ts`)
  const scopeExpression = `(globalThis as any)[Symbol.for(${JSON.stringify(scopeKey.description)})]`
  const code = [
    `const { ${module.free.join(', ')} } = ${scopeExpression}`,
    // A temp file outside the workspace cannot resolve the package by name: point it at the
    // same sources the `@porchlight/source` condition resolves it to.
    replace(module.block.code).replaceAll(`'@porchlight/sdk'`, JSON.stringify(sdkSource)),
    `Object.assign(${scopeExpression}, { ${module.declared.join(', ')} })`,
  ].join('\n')
  writeFileSync(file, code)
  try {
    await import(/* @vite-ignore */ pathToFileURL(file).href)
  } catch (error) {
    const where = `${readme}:${readmeLine(module, file, error)}`
    throw new Error(`${where}: the sample threw ${describeError(error)}`, { cause: error })
  }
  return scope
}

/**
 * Where in the README a sample failed: line N of its module is the README's line `line + N - 1`
 * (the module's first line reads the scope, the fence's line is `line`).
 */
function readmeLine(module: SampleModule, file: string, error: unknown): number {
  const at = String((error as Error)?.stack)
    .split(file)[1]
    ?.match(/^:(\d+)/)?.[1]
  return at ? module.block.line + Number(at) - 1 : module.block.line
}

/** An error as a reader would want it reported: a PorchlightError's code and fields too. */
function describeError(error: unknown) {
  const { code, fields, message } = error as { code?: string; fields?: object; message?: string }
  return [code, message, fields && JSON.stringify(fields)].filter(Boolean).join(' ')
}

/** Removes the temp modules. */
export function removeSampleFiles() {
  if (folder) rmSync(folder, { recursive: true, force: true })
  folder = undefined
}
