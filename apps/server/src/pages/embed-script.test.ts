import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { apiError } from '../../test/helpers/http.ts'
import type { EmbedBundle, StaticAssets } from './assets.ts'

// What a site's page, a browser cache and a CDN get from /embed.js.

const bundle: EmbedBundle = {
  version: '1.2.3',
  code: `/*! @porchlight/embed 1.2.3 */(()=>{${'console.log("porchlight");'.repeat(100)}})();\n//# sourceMappingURL=embed.js.map`,
  map: '{"version":3,"sources":["../src/index.ts"],"mappings":""}',
  from: 'dist',
}
const assetsWith = (embed: EmbedBundle | null): StaticAssets => ({
  embed: async () => embed,
  demoFile: async () => null,
  apiReferenceFile: async () => null,
  openApiDocument: async () => null,
  consoleFile: async () => null,
})

let t: TestApp
afterEach(() => t?.close())

describe('/embed.js', () => {
  it('serves the bundle to any site: script type, short cache, cross-origin allowed', async () => {
    t = await createTestApp({ assets: assetsWith(bundle) })
    const res = await t.app.request('/embed.js', { headers: { Origin: 'https://any.example' } })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(bundle.code)
    expect(Object.fromEntries(res.headers)).toMatchObject({
      'content-type': 'text/javascript; charset=utf-8',
      'cache-control': 'public, max-age=300',
      // Same-origin, the app's default, would make browsers refuse it on other sites.
      'cross-origin-resource-policy': 'cross-origin',
      'access-control-allow-origin': '*',
      'x-content-type-options': 'nosniff',
    })
    expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/)
  })

  it('is cached for a year at its versioned URL, which never changes', async () => {
    t = await createTestApp({ assets: assetsWith(bundle) })
    const res = await t.app.request('/embed/1.2.3/embed.js')
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(await res.text()).toBe(bundle.code)

    const other = await t.app.request('/embed/1.2.2/embed.js')
    expect(other.status).toBe(404)
    expect(await other.json()).toEqual(apiError('EMBED_VERSION_NOT_FOUND'))
    expect(other.headers.get('cache-control')).toBe('no-store')
  })

  it('serves the source map beside each', async () => {
    t = await createTestApp({ assets: assetsWith(bundle) })
    for (const path of ['/embed.js.map', '/embed/1.2.3/embed.js.map']) {
      const res = await t.app.request(path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
      expect(await res.json()).toMatchObject({ version: 3 })
    }
  })

  it('is gzipped for browsers that accept it, and answers 304 to a known ETag', async () => {
    t = await createTestApp({ assets: assetsWith(bundle) })
    const res = await t.app.request('/embed.js', { headers: { 'Accept-Encoding': 'gzip, br' } })
    expect(res.headers.get('content-encoding')).toBe('gzip')
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/)
    const body = Buffer.from(await res.arrayBuffer())
    expect(gunzipSync(body).toString()).toBe(bundle.code)
    // Compressed, the validator is weak; revalidating with it, or the strong one, is a 304.
    const etag = res.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\/"/)
    for (const known of [etag, etag.slice(2), `"other", ${etag}`]) {
      const again = await t.app.request('/embed.js', { headers: { 'If-None-Match': known } })
      expect(again.status).toBe(304)
      expect(again.headers.get('cache-control')).toBe('public, max-age=300')
    }
    const changed = await t.app.request('/embed.js', { headers: { 'If-None-Match': '"old"' } })
    expect(changed.status).toBe(200)
  })

  it('tells the operator to build when there is no bundle', async () => {
    t = await createTestApp({ assets: assetsWith(null) })
    const res = await t.app.request('/embed.js')
    expect(res.status).toBe(404)
    const body = await res.json()
    expect(body).toEqual(apiError('EMBED_NOT_BUILT'))
    expect(body.error.message).toContain('npm run build')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('does not exist where the runtime has no files (Workers)', async () => {
    t = await createTestApp()
    expect((await t.app.request('/embed.js')).status).toBe(404)
    expect(await (await t.app.request('/embed.js')).json()).toEqual(apiError('NOT_FOUND'))
  })

  it('leaves every other response same-origin only', async () => {
    t = await createTestApp({ assets: assetsWith(bundle) })
    for (const path of ['/', '/healthz', '/v1/site', '/nothing']) {
      const res = await t.app.request(path)
      expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin')
    }
  })

  it('answers other methods with 405', async () => {
    t = await createTestApp({ assets: assetsWith(bundle) })
    const res = await t.app.request('/embed.js', { method: 'POST' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toContain('GET')
  })
})
