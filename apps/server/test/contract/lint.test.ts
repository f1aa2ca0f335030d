import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'
import { runProcess } from '../../../../test/support/child-processes.ts'
import { formatDocument, referenceOpenApiDocument } from '../../scripts/openapi.ts'

// The document passes an OpenAPI linter (Redocly's recommended rules, as redocly.yaml sets them),
// so tools that read it (client generators, gateways, the reference page) accept it. Linted as
// the routes generate it now; checked-in.test.ts holds docs/openapi.json to the same.

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url))
const redocly = createRequire(join(repositoryRoot, 'package.json')).resolve(
  '@redocly/cli/bin/cli.js',
)
const dir = mkdtempSync(join(tmpdir(), 'porchlight-openapi-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// The OAuth callback answers only with a 303 back to the site's page: a provider's redirect has
// no 2xx answer to document. These two, and no other operation, may lack one.
const redirectOnly = ['get', 'post'].map(
  (method) => `operation-2xx-response at #/paths/~1v1~1auth~1oauth~1callback/${method}/responses:`,
)

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))]
}

type LintReport = {
  totals: { errors: number; warnings: number }
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[]
}

it('passes `redocly lint` with no errors and no warnings', async () => {
  const file = join(dir, 'openapi.json')
  writeFileSync(file, formatDocument(await referenceOpenApiDocument()))
  const result = await runProcess(
    process.execPath,
    [redocly, 'lint', file, '--config', join(repositoryRoot, 'redocly.yaml'), '--format=json'],
    {
      cwd: repositoryRoot,
      // Offline, as CI is: no usage reports, no check for a newer version.
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      timeoutMs: 60_000,
    },
  )
  const report = JSON.parse(result.stdout) as LintReport
  const all = report.problems.map(
    (p) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`,
  )
  const [allowed, problems] = partition(all, (p) => redirectOnly.some((r) => p.startsWith(r)))
  expect(problems).toEqual([])
  expect(allowed).toHaveLength(redirectOnly.length)
  expect(report.totals.errors + report.totals.warnings).toBe(allowed.length)
}, 90_000)
