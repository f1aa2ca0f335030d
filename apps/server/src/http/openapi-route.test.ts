import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import serverPackage from '../../package.json' with { type: 'json' }
import { createTestApp, createTestSite, type TestApp } from '../../test/helpers/app.ts'
import type { StaticAssets } from '../pages/assets.ts'

let t: TestApp
afterEach(() => t?.close())

const publicUrl = 'https://api.bakery.example'
// An origin no site of the deployment allows: API tools and editors live on such origins.
const toolOrigin = 'https://editor.tools.example'

async function documentOf(res: Response) {
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
  return res.json()
}

describe('GET /v1/openapi.json', () => {
  it('describes this deployment: its address, its version, and its own routes', async () => {
    t = await createTestApp({ env: { PUBLIC_URL: publicUrl } })
    const document = await documentOf(await t.app.request('/v1/openapi.json'))
    expect(document.openapi).toBe('3.1.0')
    expect(document.servers).toEqual([{ url: publicUrl }])
    expect(document.info).toMatchObject({ title: 'Porchlight API', version: serverPackage.version })
    expect(document.paths['/v1/openapi.json'].get).toMatchObject({
      tags: ['Operations'],
      security: [],
      summary: expect.any(String),
    })
    expect(document.paths['/v1/admin/keys/{id}'].delete).toMatchObject({
      tags: ['Owner: site'],
      // A secret key, or the console's session with the site named in a header.
      security: [{ secretKey: [] }, { operatorCookie: [], operatorSite: [] }],
    })
    // Pages and files are not part of the API.
    expect(Object.keys(document.paths)).not.toContain('/embed.js')
    expect(Object.keys(document.paths)).not.toContain('/')
  })

  it('needs no key, and any origin may read it', async () => {
    t = await createTestApp({ env: { PUBLIC_URL: publicUrl } })
    await createTestSite(t, { origins: ['https://bakery.example'] })
    const res = await t.app.request('/v1/openapi.json', { headers: { Origin: toolOrigin } })
    await documentOf(res)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    // The rest of /v1 still answers that origin with nothing it could read.
    const site = await t.app.request('/v1/site', { headers: { Origin: toolOrigin } })
    expect(site.status).toBe(401)
    expect(site.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('is cached briefly and revalidated by its ETag', async () => {
    t = await createTestApp()
    const first = await t.app.request('/v1/openapi.json')
    const etag = first.headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=300')
    const again = await t.app.request('/v1/openapi.json', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    const changed = await t.app.request('/v1/openapi.json', {
      headers: { 'If-None-Match': '"0123456789abcdef0123456789abcdef"' },
    })
    expect(changed.status).toBe(200)
    expect(await changed.text()).toBe(await first.text())
  })

  it('is gzipped for a client that accepts it, on Node', async () => {
    t = await createTestApp()
    const plain = await (await t.app.request('/v1/openapi.json')).text()
    const res = await t.app.request('/v1/openapi.json', { headers: { 'Accept-Encoding': 'gzip' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(new Uint8Array(await res.arrayBuffer())).toString('utf8')).toBe(plain)
  })

  it('serves the build’s copy where the runtime has one (Workers), with this deployment’s address', async () => {
    const built = {
      openapi: '3.1.0',
      info: { title: 'Porchlight API', version: '9.9.9' },
      tags: [],
      paths: {},
      components: {},
    }
    const assets: StaticAssets = {
      embed: async () => null,
      demoFile: async () => null,
      apiReferenceFile: async () => null,
      openApiDocument: async () => JSON.stringify(built),
      consoleFile: async () => null,
    }
    t = await createTestApp({ env: { PUBLIC_URL: publicUrl }, assets })
    const res = await t.app.request('/v1/openapi.json')
    expect(await res.json()).toEqual({ ...built, servers: [{ url: publicUrl }] })
  })

  it('answers other methods with 405 and the ones it allows', async () => {
    t = await createTestApp()
    const res = await t.app.request('/v1/openapi.json', { method: 'POST' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('GET, HEAD, OPTIONS')
  })
})
