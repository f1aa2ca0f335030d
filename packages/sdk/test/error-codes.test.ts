// The SDK's `ErrorCode` union against the codes that actually exist (issue 10: the READMEs named
// an `INVALID_KEY` the server never sends). The API's codes are read from its OpenAPI document
// (`docs/openapi.json`, generated from the routes and checked against them by the server's
// suite), the union's members from the SDK's types through the TypeScript compiler. A code on
// one side only fails, and so does a doc naming a code that exists on neither. The server's
// source is read too, every `new ApiError(<status>, '<CODE>'`, so that no code can be thrown
// and left out of the document, except by the routes outside the API listed below.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../../', import.meta.url))
const sdk = join(repo, 'packages/sdk')

/** The TypeScript files under `dir`, tests left out: they may throw made-up codes. */
function sources(dir: string): string[] {
  return readdirSync(join(repo, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
    .map((file) => join(repo, dir, file))
}

/** Every error code the API's OpenAPI document lists, across all operations. */
function documentedCodes(): Set<string> {
  const document = JSON.parse(readFileSync(join(repo, 'docs/openapi.json'), 'utf8')) as {
    components?: { responses?: Record<string, { content?: Record<string, { schema?: unknown }> }> }
  }
  const codes = new Set<string>()
  for (const response of Object.values(document.components?.responses ?? {})) {
    const schema = response.content?.['application/json']?.schema as
      | { properties?: { error?: { properties?: { code?: { enum?: string[] } } } } }
      | undefined
    for (const code of schema?.properties?.error?.properties?.code?.enum ?? []) codes.add(code)
  }
  return codes
}

// Codes of routes that are not the API, which the SDK never calls: Prometheus's scrape
// endpoint, the reference page's files, the console's files and the script tag's bundle; and
// the CLI's own (`operator create` for an address that has an account).
const outsideTheApi = new Set([
  'INVALID_METRICS_TOKEN',
  'API_REFERENCE_NOT_INSTALLED',
  'CONSOLE_NOT_BUILT',
  'OPERATOR_EXISTS',
  'EMBED_NOT_BUILT',
  'EMBED_VERSION_NOT_FOUND',
])
// Codes the document states once for the whole API (its description), not per operation:
// a listed path asked with another method.
const wholeApiCodes = new Set(['METHOD_NOT_ALLOWED'])

/** What `new ApiError(...)` is called with across the server's source. */
function serverErrors() {
  const codes = new Set<string>()
  const unreadable: string[] = []
  for (const file of sources('apps/server/src')) {
    const text = readFileSync(file, 'utf8')
    for (const match of text.matchAll(/new ApiError\(\s*([^,]+),\s*([^,]+),/g)) {
      const [, status, code] = match as unknown as [string, string, string]
      const literal = /^'([A-Z][A-Z0-9_]*)'$/.exec(code.trim())?.[1]
      if (literal) codes.add(literal)
      // A status given as a number with a code that is not a literal would hide a code from
      // this test; a copy of another error (`error.status, error.code`) adds none.
      else if (/^\d+$/.test(status.trim())) unreadable.push(`${relative(repo, file)}: ${code}`)
    }
  }
  return { codes, unreadable }
}

/** The string literals of each union type alias exported by the SDK's src/error-codes.ts. */
function unionsOfErrorCodes(): Map<string, Set<string>> {
  const file = join(sdk, 'src/error-codes.ts')
  const program = ts.createProgram([file], { strict: true, noEmit: true })
  const checker = program.getTypeChecker()
  const unions = new Map<string, Set<string>>()
  for (const node of program.getSourceFile(file)?.statements ?? []) {
    if (!ts.isTypeAliasDeclaration(node)) continue
    const type = checker.getTypeAtLocation(node.name)
    const members = type.isUnion() ? type.types : [type]
    unions.set(
      node.name.text,
      new Set(members.map((member) => (member as ts.StringLiteralType).value)),
    )
  }
  return unions
}

/** Codes the SDK's own code (not its comments) gives its errors: `clientError('…'`, `code: '…'`. */
function sdkClientCodes(): Set<string> {
  const codes = new Set<string>()
  for (const file of sources('packages/sdk/src')) {
    const code = readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line))
      .join('\n')
    for (const [, name] of code.matchAll(/(?:clientError\(|\bcode: )'([A-Z][A-Z0-9_]*)'/g)) {
      codes.add(name as string)
    }
  }
  return codes
}

const sorted = (values: Iterable<string>) => [...values].sort()
const only = (a: Set<string>, b: Set<string>) => sorted([...a].filter((code) => !b.has(code)))

describe('ErrorCode', () => {
  const server = serverErrors()
  const documented = new Set([...documentedCodes(), ...wholeApiCodes])
  const unions = unionsOfErrorCodes()
  const serverUnion = unions.get('ServerErrorCode') ?? new Set()
  const clientUnion = unions.get('ClientErrorCode') ?? new Set()

  it("reads every code the server's source gives an ApiError", () => {
    expect(server.codes.size).toBeGreaterThan(40)
    expect(server.unreadable).toEqual([])
  })

  it('ServerErrorCode lists exactly the codes the API documents', () => {
    expect({
      'documented by the API, missing from ServerErrorCode': only(documented, serverUnion),
      'in ServerErrorCode, not documented by the API': only(serverUnion, documented),
    }).toEqual({
      'documented by the API, missing from ServerErrorCode': [],
      'in ServerErrorCode, not documented by the API': [],
    })
  })

  it("the API's document lists every code the server's source can throw", () => {
    const apiCodes = new Set([...server.codes].filter((code) => !outsideTheApi.has(code)))
    expect(only(apiCodes, documented)).toEqual([])
  })

  it('ClientErrorCode lists exactly the codes the SDK gives its own errors', () => {
    expect(sorted(clientUnion)).toEqual(sorted(sdkClientCodes()))
  })

  it('ErrorCode is both', () => {
    expect(sorted(unions.get('ErrorCode') ?? [])).toEqual(
      sorted(new Set([...serverUnion, ...clientUnion])),
    )
  })

  // The same defect wherever a reader meets a code: the READMEs and the sources readers copy
  // from (TSDoc examples, the embed's strings, the example app) name only codes that exist.
  it('the READMEs and sources of the SDK, the embed and the example app name only real codes', () => {
    const known = new Set([...serverUnion, ...clientUnion])
    // Names in these files that look like codes and are not: environment variables.
    const notCodes = new Set([
      'CHROMIUM_PATH',
      'VITE_PORCHLIGHT_URL',
      'VITE_PORCHLIGHT_KEY',
      'PORCHLIGHT_SECRET_KEY',
      'DATABASE_URL',
    ])
    const files = [
      'packages/sdk/README.md',
      'packages/embed/README.md',
      'examples/app/README.md',
      ...sources('packages/sdk/src'),
      ...sources('packages/embed/src'),
      ...sources('examples/app/src'),
    ].map((file) => (file.startsWith(repo) ? file : join(repo, file)))
    const unknown: string[] = []
    for (const file of files) {
      const text = readFileSync(file, 'utf8')
      for (const [, name] of text.matchAll(/[`'"]([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)[`'"]/g)) {
        if (!known.has(name as string) && !notCodes.has(name as string)) {
          unknown.push(`${relative(repo, file)}: ${name}`)
        }
      }
    }
    expect(unknown).toEqual([])
  })
})
