import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSite } from '../../src/sites/service.ts'
import { createTestApp, createTestSite, type TestApp } from '../helpers/app.ts'
import { buildWorkerBundle } from './worker-bundle.ts'
import {
  errorLines,
  startWorkerHarness,
  type WorkerHarness,
  workerOrigin,
} from './worker-harness.ts'

// The Worker bundle carries a trimmed zod (wrangler.toml's [alias], src/entry/worker-zod.ts):
// without its other languages' messages and the tools the app never calls (issue 13: the bundle
// was 369 KB gzip, 268 KB of it before compression zod's locales). These scenarios hold the
// trimmed zod to the real one: the same validation errors as Node, word for word. The Worker no
// longer generates the OpenAPI document with it (it serves the build's copy, which
// api-contract.test.ts holds to Node's): without that copy it says so, and generates nothing.

let worker: WorkerHarness
let node: TestApp
let assetsDir: string
const secretKeys = { worker: '', node: '' }

beforeAll(async () => {
  // No prebuilt document among the assets: a deployment that skipped wrangler.toml's [build].
  assetsDir = mkdtempSync(join(tmpdir(), 'porchlight-assets-'))
  cpSync((await buildWorkerBundle()).assetsDir, assetsDir, { recursive: true })
  rmSync(join(assetsDir, 'v1/openapi.json'))
  worker = await startWorkerHarness({ database: 'd1', assetsDir })
  secretKeys.worker = (
    await createSite(worker.deps, { name: 'Shop', origins: [workerOrigin] })
  ).secretKey
  node = await createTestApp({ env: { PUBLIC_URL: workerOrigin } })
  secretKeys.node = (await createTestSite(node, { name: 'Shop' })).secretKey
}, 240_000)

afterAll(async () => {
  await worker?.close()
  await node?.close()
  if (assetsDir) rmSync(assetsDir, { recursive: true, force: true })
})

describe('zod in the Worker bundle', () => {
  it('carries English and no other locale', () => {
    const meta = JSON.parse(readFileSync(worker.bundle.metafile, 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>
    }
    // A locale's messages are 2 to 10 KB minified; the locales' index leaves an empty stub.
    const carried = Object.values(meta.outputs).flatMap((output) =>
      Object.entries(output.inputs)
        .filter(([, { bytesInOutput }]) => bytesInOutput >= 1024)
        .map(([input]) => input),
    )
    const locales = carried.filter((input) => input.includes('node_modules/zod/v4/locales/'))
    expect(locales.map((input) => input.replace(/.*\/locales\//, ''))).toEqual(['en.js'])
    expect(carried.some((input) => input.endsWith('apps/server/src/entry/worker-zod-api.ts'))).toBe(
      true,
    )
  })

  it('answers invalid input with the same errors as Node, word for word', async () => {
    const requests = [
      ['PATCH', '/v1/admin/site', { name: 5, colour: 'red' }],
      ['PATCH', '/v1/admin/site', {}],
      ['PATCH', '/v1/admin/site', { name: '' }],
      ['POST', '/v1/admin/origins', { origin: 7 }],
      ['POST', '/v1/admin/origins', { origin: 'not a url' }],
      ['POST', '/v1/admin/keys', { label: ['a'] }],
    ] as const
    for (const [method, path, body] of requests) {
      const onWorker = await worker.fetch(path, jsonRequest(method, secretKeys.worker, body))
      const onNode = await node.app.request(path, jsonRequest(method, secretKeys.node, body))
      const answer = { path, body, status: onWorker.status, json: await worker.json(onWorker) }
      expect(answer).toEqual({ path, body, status: onNode.status, json: await onNode.json() })
      expect(answer.json.error.code).toBe('VALIDATION_FAILED')
    }
    // zod's own English words reach the client (nothing else supplies them).
    const res = await worker.fetch(
      '/v1/admin/origins',
      jsonRequest('POST', secretKeys.worker, { origin: 7 }),
    )
    expect((await worker.json(res)).error.fields.origin).toMatch(/expected string/i)
  })

  it('does not generate the OpenAPI document without the build’s copy, and logs what to deploy', async () => {
    expect(existsSync(join(assetsDir, 'v1/openapi.json'))).toBe(false)
    const res = await worker.fetch('/v1/openapi.json', {
      headers: { 'Accept-Encoding': 'identity' },
    })
    expect(res.status).toBe(500)
    expect((await worker.json(res)).error.code).toBe('INTERNAL_ERROR')
    const logged = errorLines(worker.logs)
    expect(logged).toHaveLength(1)
    expect(logged[0]).toContain('not among the Worker’s static assets (v1/openapi.json)')
    // Every other route still answers.
    expect((await worker.fetch('/healthz')).status).toBe(200)
  })
})

function jsonRequest(method: string, key: string, body: unknown) {
  return {
    method,
    headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  }
}
