import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import type { StaticAssets } from './assets.ts'

// /console/: the owner console's single-page app, served by the server from its build, the same
// routes on Node and (over the ASSETS binding: test/worker/console.test.ts) on Workers.

const page =
  '<!doctype html><script type="module" crossorigin src="/console/assets/index-Ab12.js"></script><div id="app"></div>'

function assetsWith(files: Record<string, string> | null): StaticAssets {
  return {
    embed: async () => null,
    demoFile: async () => null,
    apiReferenceFile: async () => null,
    openApiDocument: async () => null,
    consoleFile: async (path) => (files ? (files[path] ?? null) : null),
  }
}

const built = { 'index.html': page, 'assets/index-Ab12.js': 'console();' }

let t: TestApp
afterEach(() => t?.close())

// Compared as sent: Node compresses these files for clients that accept it.
const plain = { headers: { 'Accept-Encoding': 'identity' } }

describe('GET /console/', () => {
  it('is the app’s page under a policy that runs only its own files, never cached', async () => {
    t = await createTestApp({ assets: assetsWith(built) })
    const res = await t.app.request('/console/', plain)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(page)
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toContain('unsafe')
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('answers every path of the app with its page, so a link or a reload opens that page', async () => {
    t = await createTestApp({ assets: assetsWith(built) })
    for (const path of [
      '/console/sign-in',
      '/console/sites/site_1/inbox/sub_2',
      '/console/invite/abc',
    ]) {
      const res = await t.app.request(path, plain)
      expect(res.status, path).toBe(200)
      expect(await res.text()).toBe(page)
    }
    const bare = await t.app.request('/console')
    expect(bare.status).toBe(308)
    expect(bare.headers.get('location')).toBe('/console/')
  })

  it('serves the hashed files for a year, and answers a repeat with 304', async () => {
    t = await createTestApp({ assets: assetsWith(built) })
    const res = await t.app.request('/console/assets/index-Ab12.js', plain)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(await res.text()).toBe('console();')
    const etag = res.headers.get('etag') ?? ''
    const again = await t.app.request('/console/assets/index-Ab12.js', {
      headers: { 'If-None-Match': etag },
    })
    expect(again.status).toBe(304)
  })

  it('answers a missing file with 404, not the page (a script served as HTML fails obscurely)', async () => {
    t = await createTestApp({ assets: assetsWith(built) })
    const res = await t.app.request('/console/assets/index-Old1.js')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
  })

  it('says how to build it when there is no build', async () => {
    t = await createTestApp({ assets: assetsWith(null) })
    const res = await t.app.request('/console/')
    expect(res.status).toBe(404)
    expect(await res.json()).toMatchObject({
      error: { code: 'CONSOLE_NOT_BUILT', message: expect.stringContaining('npm run build') },
    })
  })
})
