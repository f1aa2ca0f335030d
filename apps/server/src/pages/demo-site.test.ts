import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, createTestSite, type TestApp } from '../../test/helpers/app.ts'
import type { StaticAssets } from './assets.ts'
import { fileAssets } from './file-assets.ts'

// The demo site as `npm start` serves it: examples/static-site with the demo site's key.

const files: Record<string, string> = {
  'index.html': '<a href="contact.html">Contact</a>',
  'contact.html':
    '<form action="__API_URL__/v1/forms/contact/submissions?key=__PUBLISHABLE_KEY__"><input name="_next" value="__SITE_URL__/thanks.html"></form><script src="__API_URL__/embed.js" data-key="__PUBLISHABLE_KEY__"></script>',
  'style.css': 'body { color: red }',
}
const assets: StaticAssets = {
  embed: async () => null,
  demoFile: async (name) => (Object.hasOwn(files, name) ? (files[name] ?? null) : null),
  apiReferenceFile: async () => null,
  openApiDocument: async () => null,
  consoleFile: async () => null,
}

let t: TestApp
afterEach(() => t?.close())

describe('the demo site', () => {
  it("fills in this server's URL and the first site's publishable key", async () => {
    t = await createTestApp({ assets })
    const first = await createTestSite(t, { name: 'Demo site' })
    await createTestSite(t, { name: 'Another site' })
    const res = await t.app.request('http://localhost:8787/demo/contact.html')
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(
      `<form action="http://localhost:8787/v1/forms/contact/submissions?key=${first.publishableKey}"><input name="_next" value="http://localhost:8787/demo/thanks.html"></form><script src="http://localhost:8787/embed.js" data-key="${first.publishableKey}"></script>`,
    )
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    // Scripts and posts to this server only; never cached, as the key may be rotated.
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
    expect(res.headers.get('content-security-policy')).toMatch(/form-action 'self'/)
    expect(res.headers.get('cache-control')).toBe('no-store')
    // A plain POST from a no-referrer page carries `Origin: null`, which the API refuses.
    expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
  })

  it('starts at /demo/, and serves its stylesheet', async () => {
    t = await createTestApp({ assets })
    await createTestSite(t)
    const bare = await t.app.request('/demo')
    expect(bare.status).toBe(301)
    expect(bare.headers.get('location')).toBe('/demo/')
    expect(await (await t.app.request('/demo/')).text()).toBe(files['index.html'])
    const css = await t.app.request('/demo/style.css')
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(await css.text()).toBe(files['style.css'])
  })

  it('says what to do when the database has no site yet', async () => {
    t = await createTestApp({ assets })
    const res = await t.app.request('/demo/contact.html')
    expect(res.status).toBe(503)
    expect(await res.text()).toContain('porchlight site create')
  })

  it('is linked from the landing page, and gone with DEMO_PAGES=false', async () => {
    t = await createTestApp({ assets })
    await createTestSite(t)
    expect(await (await t.app.request('/')).text()).toContain('href="/demo/"')
    await t.close()

    t = await createTestApp({ assets, env: { DEMO_PAGES: 'false' } })
    await createTestSite(t)
    expect((await t.app.request('/demo/contact.html')).status).toBe(404)
    expect(await (await t.app.request('/')).text()).not.toContain('/demo/')
  })
})

describe('fileAssets, from this checkout', () => {
  const checkout = fileAssets()

  it('reads the example pages by name, and nothing outside their folder', async () => {
    expect(await checkout.demoFile('contact.html')).toContain('data-porchlight-form="contact"')
    expect(await checkout.demoFile('style.css')).toContain('[data-porchlight-status]')
    for (const name of ['../README.md', '..%2fREADME.md', 'missing.html', 'contact.js', '.env']) {
      expect(await checkout.demoFile(name)).toBeNull()
    }
  })

  it('serves files through the app without leaving the folder', async () => {
    t = await createTestApp({ assets: checkout })
    await createTestSite(t)
    for (const path of ['/demo/..%2f..%2fpackage.json', '/demo/%2e%2e/package.json']) {
      expect((await t.app.request(path)).status).toBe(404)
    }
    const page = await (await t.app.request('/demo/contact.html')).text()
    expect(page).not.toMatch(/__[A-Z_]+__/)
  })
})
