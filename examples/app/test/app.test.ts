// The example app as Vite builds it for production: the SDK bundled from its package import,
// only the VITE_* variables from .env in the bundle, and a size a page can afford.
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp, builtFiles } from './build-app.ts'

// What a developer's .env might hold: the two variables the app reads, and secrets that belong
// to the server or the owner's tools, which must never reach a page.
const env = {
  VITE_PORCHLIGHT_URL: 'https://api.example.test',
  VITE_PORCHLIGHT_KEY: 'pk_3mzq7kx2vbn4tr6wd5yh2fja',
  PORCHLIGHT_SECRET_KEY: 'sk_k3mzq7kx2vbn4tr6_wd5yh2fja3mzq7kx2vbn4tr6wd5yh2fj',
  DATABASE_URL: 'libsql://porchlight-example.turso.io',
  DATABASE_AUTH_TOKEN: 'eyJhbGciOiJFZERTQSJ9.secret-token',
  SMTP_URL: 'smtp://owner:hunter2@localhost:2525',
}

// The whole SDK is about 4 KB min+gzip (packages/sdk/README.md); this app's own code about 3.
const jsBudget = 10 * 1024
const cssBudget = 2 * 1024

describe('the example app, built by Vite', () => {
  let dir: string
  let files: Map<string, string>
  const withExtension = (ext: string) => [...files].filter(([path]) => path.endsWith(ext))

  beforeAll(async () => {
    dir = await buildApp(env)
    files = builtFiles(join(dir, 'dist'))
  })

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it("bundles @porchlight/sdk from the package import, as after 'npm install @porchlight/sdk'", () => {
    const scripts = withExtension('.js')
    expect(scripts).toHaveLength(1)
    const [, js] = scripts[0] ?? []
    // The SDK's request core and features are in, not left as an import the browser can't load.
    expect(js).toContain('X-Porchlight-Key')
    expect(js).toContain('/v1/forms/')
    expect(js).toContain('/v1/forum/')
    expect(js).not.toMatch(/["']@porchlight\/sdk["']/)
    expect(files.get('index.html')).toMatch(/<script type="module" crossorigin src="\/assets\//)
  })

  it('carries the API URL and publishable key, and nothing else from .env', () => {
    const everything = [...files.values()].join('\n')
    expect(everything).toContain(env.VITE_PORCHLIGHT_URL)
    expect(everything).toContain(env.VITE_PORCHLIGHT_KEY)
    for (const secret of [
      env.PORCHLIGHT_SECRET_KEY,
      env.DATABASE_URL,
      env.DATABASE_AUTH_TOKEN,
      'hunter2',
      'localhost:2525',
    ]) {
      expect(everything).not.toContain(secret)
    }
    expect(everything).not.toMatch(/\bsk_[A-Za-z0-9]/) // no secret key of any kind
  })

  it(`stays small: under ${jsBudget / 1024} KB of JavaScript and ${cssBudget / 1024} KB of CSS, gzipped`, () => {
    const gzipped = (ext: string) =>
      withExtension(ext).reduce((sum, [, text]) => sum + gzipSync(text, { level: 9 }).length, 0)
    const js = gzipped('.js')
    const css = gzipped('.css')
    console.info(`example app: ${js} B of JavaScript, ${css} B of CSS (gzip)`)
    expect(js).toBeLessThan(jsBudget)
    expect(css).toBeLessThan(cssBudget)
  })
})
