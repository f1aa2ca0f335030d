import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import type { ApiReferenceFile, StaticAssets } from './assets.ts'

// /docs/api: the API reference page, served by the server itself from the npm-installed
// renderer, on Node and (the same routes over the ASSETS binding) on Workers.

const swaggerUi = fileURLToPath(
  new URL('../../../../node_modules/swagger-ui-dist/', import.meta.url),
)
const installed = (name: ApiReferenceFile) => readFileSync(`${swaggerUi}${name}`, 'utf8')

function assetsWith(renderer: boolean): StaticAssets {
  return {
    embed: async () => null,
    demoFile: async () => null,
    apiReferenceFile: async (name) => (renderer ? installed(name) : null),
    openApiDocument: async () => null,
    consoleFile: async () => null,
  }
}

let t: TestApp
afterEach(() => t?.close())

// Compared as sent: Node compresses these files for clients that accept it.
const plain = { headers: { 'Accept-Encoding': 'identity' } }

describe('GET /docs/api', () => {
  it('is a page that loads only its own scripts, and renders this server’s document', async () => {
    t = await createTestApp({ assets: assetsWith(true) })
    const res = await t.app.request('/docs/api')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/html; charset=UTF-8')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self';")
    expect(csp).toContain("connect-src 'self'")
    expect(csp).not.toContain('unsafe')
    const page = await res.text()
    expect(page).toContain('<script src="/docs/api/swagger-ui-bundle.js"></script>')
    expect(page).toContain('<script src="/docs/api/init.js"></script>')
    // No inline script: every <script> has a src.
    expect(page.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull()
    expect(page).toContain('href="/v1/openapi.json"')

    const init = await t.app.request('/docs/api/init.js', plain)
    expect(init.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const script = await init.text()
    expect(script).toContain("url: '/v1/openapi.json'")
    // Read-only, and nothing sent to the renderer's online validator.
    expect(script).toContain('supportedSubmitMethods: []')
    expect(script).toContain('validatorUrl: null')

    // Our contrast fixes, a file of this server's, after the renderer's stylesheet (the policy
    // takes no inline style); test/browser/accessibility-pages.test.ts checks what they do.
    expect(page.indexOf('href="/docs/api/theme.css"')).toBeGreaterThan(
      page.indexOf('href="/docs/api/swagger-ui.css"'),
    )
    const theme = await t.app.request('/docs/api/theme.css', plain)
    expect(theme.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(await theme.text()).toContain('.opblock-summary-method')
  })

  it('serves the renderer’s files as installed, cached briefly and revalidated by ETag', async () => {
    t = await createTestApp({ assets: assetsWith(true) })
    for (const [name, type] of [
      ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
      ['swagger-ui.css', 'text/css; charset=utf-8'],
      // Its licence travels with it (Apache-2.0), where the bundle's first line points.
      ['swagger-ui-bundle.js.LICENSE.txt', 'text/plain; charset=utf-8'],
      ['LICENSE', 'text/plain; charset=utf-8'],
      ['NOTICE', 'text/plain; charset=utf-8'],
    ] as const) {
      const res = await t.app.request(`/docs/api/${name}`, plain)
      expect(res.status, name).toBe(200)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('cache-control')).toBe('public, max-age=300')
      expect(await res.text()).toBe(installed(name))
      const etag = res.headers.get('etag') ?? ''
      const again = await t.app.request(`/docs/api/${name}`, { headers: { 'If-None-Match': etag } })
      expect(again.status, name).toBe(304)
    }
  })

  it('serves nothing else of the renderer’s package', async () => {
    t = await createTestApp({ assets: assetsWith(true) })
    for (const name of ['index.html', 'swagger-initializer.js', 'swagger-ui-bundle.js.map']) {
      const res = await t.app.request(`/docs/api/${name}`)
      expect({ name, status: res.status }).toEqual({ name, status: 404 })
      expect((await res.json()).error.code).toBe('NOT_FOUND')
    }
  })

  it('says what to do when the renderer is not installed, instead of a blank page', async () => {
    t = await createTestApp({ assets: assetsWith(false) })
    for (const path of ['/docs/api', '/docs/api/swagger-ui.css']) {
      const res = await t.app.request(path)
      expect(res.status, path).toBe(404)
      const { error } = await res.json()
      expect(error.code).toBe('API_REFERENCE_NOT_INSTALLED')
      expect(error.message).toContain('/v1/openapi.json')
    }
  })

  it('is linked from the landing page, with the document', async () => {
    t = await createTestApp({ assets: assetsWith(true) })
    const landing = await (await t.app.request('/')).text()
    expect(landing).toContain('<a href="/docs/api">/docs/api</a>')
    expect(landing).toContain('<a href="/v1/openapi.json">/v1/openapi.json</a>')
  })
})
