import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { referenceOpenApiDocument } from '../../scripts/openapi.ts'
import { builtAssets } from '../../src/pages/built-assets.ts'
import { createTestApp, type TestApp } from '../helpers/app.ts'
import {
  errorLines,
  startWorkerHarness,
  type WorkerHarness,
  workerOrigin,
} from './worker-harness.ts'

// /v1/openapi.json and /docs/api on the Worker, answered as Node answers them. The Worker serves
// the document its build generated (dist/public/v1/openapi.json, through the ASSETS binding)
// rather than generating it on an isolate's first request, which costs far more CPU than the
// Workers Free plan's 10 ms (docs/architecture.md): so the build's copy must be what the routes
// generate now.

const compared = [
  'content-type',
  'cache-control',
  'etag',
  'access-control-allow-origin',
  'cross-origin-resource-policy',
  'content-security-policy',
]

type Answer = { status: number; headers: Record<string, string | null>; body: string }

async function answerOf(res: {
  status: number
  headers: { get(name: string): string | null }
  text(): Promise<string>
}): Promise<Answer> {
  const headers = Object.fromEntries(compared.map((name) => [name, res.headers.get(name)]))
  return { status: res.status, headers, body: await res.text() }
}

// Compared uncompressed: Node compresses these itself, a Worker leaves it to the runtime.
const plain = { headers: { 'Accept-Encoding': 'identity' } }

let worker: WorkerHarness
let node: TestApp

beforeAll(async () => {
  worker = await startWorkerHarness({ database: 'd1' })
  node = await createTestApp({
    env: { PUBLIC_URL: workerOrigin },
    assets: builtAssets(worker.bundle.assetsDir),
  })
}, 240_000)

afterAll(async () => {
  await worker?.close()
  await node?.close()
})

describe('the OpenAPI document on the Worker', () => {
  it('is the one the routes generate, naming the deployment’s PUBLIC_URL', async () => {
    const res = await worker.fetch('/v1/openapi.json', plain)
    expect(res.status).toBe(200)
    const served = await worker.json(res)
    const { servers: _, ...generated } = await referenceOpenApiDocument()
    expect(served).toEqual({ ...generated, servers: [{ url: workerOrigin }] })
  })

  it('is answered as Node answers it, readable from any origin, and revalidated by ETag', async () => {
    const headers = { ...plain.headers, Origin: 'https://editor.tools.example' }
    const onWorker = await answerOf(await worker.fetch('/v1/openapi.json', { headers }))
    expect(onWorker).toEqual(
      await answerOf(await node.app.request('/v1/openapi.json', { headers })),
    )
    expect(onWorker.headers['access-control-allow-origin']).toBe('*')
    const again = await worker.fetch('/v1/openapi.json', {
      headers: { 'If-None-Match': onWorker.headers.etag ?? '' },
    })
    expect(again.status).toBe(304)
  })
})

describe('the API reference on the Worker', () => {
  it('serves the page and the renderer’s files as Node does', async () => {
    for (const path of [
      '/docs/api',
      '/docs/api/init.js',
      '/docs/api/theme.css',
      '/docs/api/swagger-ui.css',
      '/docs/api/swagger-ui-bundle.js',
    ]) {
      const onWorker = await answerOf(await worker.fetch(path, plain))
      expect(onWorker.status, path).toBe(200)
      expect({ path, ...onWorker }).toEqual({
        path,
        ...(await answerOf(await node.app.request(path, plain))),
      })
    }
  })

  it('logged no errors', () => {
    expect(errorLines(worker.logs)).toEqual([])
  })
})
