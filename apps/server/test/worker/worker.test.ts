import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrations } from '../../src/db/migrations.generated.ts'
import { createSite } from '../../src/sites/service.ts'
import { buildWorkerBundle, formatBytes, type WorkerBundle } from './worker-bundle.ts'
import {
  errorLines,
  onEachDatabase,
  startWorkerHarness,
  type WorkerHarness,
} from './worker-harness.ts'

// The production bundle (wrangler's own build of wrangler.toml's entry) in workerd, on D1 and on
// libSQL reached over HTTP as on Cloudflare with Turso. See docs/deployment.md, "How the Worker
// build is tested", for what the stand-ins cover and what they do not.

const origin = 'https://shop.example'
let w: WorkerHarness
let site: Awaited<ReturnType<typeof createSite>>

describe('the Worker bundle', () => {
  let bundle: WorkerBundle

  beforeAll(async () => {
    bundle = await buildWorkerBundle()
    const top = bundle.contents
      .slice(0, 8)
      .map((c) => `${c.source} ${(c.bytes / 1024).toFixed(0)} KiB`)
      .join(', ')
    console.log(
      `Worker bundle ${bundle.dir}/${bundle.mainModule}: ${formatBytes(bundle.bytes)} raw, ` +
        `${formatBytes(bundle.gzipBytes)} gzip; wrangler: ${bundle.wranglerSummary}; ` +
        (bundle.buildMs > 0
          ? `built in ${(bundle.buildMs / 1000).toFixed(1)} s`
          : 'reused an identical build') +
        `; largest parts (minified): ${top}`,
    )
  }, 240_000)

  // A budget, not Cloudflare's limit (3 MB compressed on the Free plan): a jump past it means a
  // dependency arrived that the Worker should not carry. It was 369 KiB before zod's locales
  // and the function names were left out and the common-password list front-coded (issue 13,
  // which asks for 200 KB); passkeys and sign-in with providers then added ~36 KiB: 321 KiB.
  // The common-password list and the OpenAPI generator then left the bundle (the Worker reads
  // the list and the document from its static assets): 294 KiB. The build for D1 (the shipped
  // wrangler.toml) then left out the libSQL client: 281 KiB, and this leaves ~3% above it.
  // What the bundle holds: `node apps/server/scripts/worker-bundle-report.ts`, and
  // docs/performance.md, "The bundle's size".
  it('stays under 290 KiB gzip', () => {
    expect(bundle.mainModule).toBe('worker.js')
    expect(bundle.gzipBytes).toBeLessThan(290 * 1024)
  })

  it('carries none of the Node-only code (SMTP, the Node server, the native libSQL driver, libSQL over WebSocket)', () => {
    const map = JSON.parse(readFileSync(join(bundle.dir, `${bundle.mainModule}.map`), 'utf8'))
    const sources = (map as { sources: string[] }).sources
    expect(sources.some((s) => s.includes('apps/server/src/entry/worker.ts'))).toBe(true)
    const nodeOnly = sources.filter((s) =>
      /node_modules\/(nodemailer|@hono\/node-server|libsql\/|@libsql\/(linux|darwin|win32))|@libsql\/(client\/lib-esm\/ws|hrana-client\/lib-esm\/ws)/.test(
        s,
      ),
    )
    expect(nodeOnly).toEqual([])
  })

  it('built for D1 (the shipped wrangler.toml), carries no libSQL client; the Turso build does', async () => {
    // Bytes each build holds of the libSQL client (@libsql/*), by esbuild's metafile. A few
    // top-level statements it cannot prove free of effects stay (a queueMicrotask fallback,
    // ~0.6 KiB); the client itself is ~48 KiB minified.
    const libsqlBytes = (b: WorkerBundle) => {
      const meta = JSON.parse(readFileSync(b.metafile, 'utf8')) as {
        outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>
      }
      return Object.values(meta.outputs)
        .flatMap((output) => Object.entries(output.inputs))
        .filter(([input]) => /node_modules\/@libsql\//.test(input))
        .reduce((sum, [, { bytesInOutput }]) => sum + bytesInOutput, 0)
    }
    expect(libsqlBytes(bundle)).toBeLessThan(1024)
    expect(libsqlBytes(await buildWorkerBundle('turso'))).toBeGreaterThan(40 * 1024)
  }, 240_000)

  it('leaves out what it reads from its static assets: the common-password list and the OpenAPI generator', () => {
    const map = JSON.parse(readFileSync(join(bundle.dir, `${bundle.mainModule}.map`), 'utf8'))
    const sources = (map as { sources: string[] }).sources
    const carried = sources.filter((s) =>
      /auth\/common-passwords\.generated\.ts|node_modules\/(hono-openapi|@standard-community)\//.test(
        s,
      ),
    )
    expect(carried).toEqual([])
    // …and the build put both where the Worker reads them.
    const assets = ['internal/common-passwords.txt', 'v1/openapi.json']
    expect(assets.filter((path) => !existsSync(join(bundle.assetsDir, path)))).toEqual([])
  })
})

onEachDatabase((database) => {
  beforeAll(async () => {
    w = await startWorkerHarness({ database })
    // Written through our own service code, to the same database.
    site = await createSite(w.deps, { name: 'Shop', origins: [origin] })
  }, 240_000)

  afterAll(async () => {
    await w?.close()
  })

  describe('in workerd', () => {
    it('answers /healthz with a request id', async () => {
      const res = await w.fetch('/healthz')
      expect(res.status).toBe(200)
      expect(await w.json(res)).toEqual({ status: 'ok' })
      expect(res.headers.get('x-request-id')).toMatch(/\S{8,}/)
    })

    it('keeps the common-password list it reads from its static assets to itself', async () => {
      const res = await w.fetch('/internal/common-passwords.txt')
      expect(res.status).toBe(404)
      expect((await w.json(res)).error.code).toBe('NOT_FOUND')
    })

    it('is ready once it has applied every migration', async () => {
      const res = await w.fetch('/readyz')
      expect(await w.json(res)).toEqual({ status: 'ready' })
      expect(res.status).toBe(200)

      // Read from the database itself: the tables the Worker created exist.
      const tables = (
        await w.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      ).map((t) => t.name)
      expect(tables).toEqual(
        expect.arrayContaining([
          'porchlight_migrations',
          'sites',
          'site_origins',
          'secret_keys',
          'outbox',
          'rate_limits',
          'forms',
          'submissions',
          'spent_tokens',
        ]),
      )
      const applied = await w.query<{ tag: string }>(
        'SELECT tag FROM porchlight_migrations ORDER BY tag',
      )
      expect(applied.map((m) => m.tag)).toEqual(migrations.map((m) => m.tag))
    })

    it('serves the public API for an allowed origin, with CORS headers', async () => {
      const before = w.libsql?.requests ?? 0
      const res = await w.fetch('/v1/site', {
        headers: { 'X-Porchlight-Key': site.publishableKey, Origin: origin },
      })
      expect(await w.json(res)).toEqual({ id: site.id, name: 'Shop' })
      expect(res.status).toBe(200)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      expect(res.headers.get('access-control-allow-credentials')).toBe('true')
      expect(res.headers.get('access-control-expose-headers')).toContain('X-Request-Id')
      expect(res.headers.get('vary')).toContain('Origin')
      expect(res.headers.get('x-request-id')).toBeTruthy()
      // On Turso, the key lookup really went to the database over Hrana HTTP.
      if (w.libsql) expect(w.libsql.requests).toBeGreaterThan(before)
    })

    it('answers a CORS preflight from an allowed origin', async () => {
      const res = await w.fetch('/v1/site', {
        method: 'OPTIONS',
        headers: {
          Origin: origin,
          'Access-Control-Request-Method': 'GET',
          'Access-Control-Request-Headers': 'x-porchlight-key',
        },
      })
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe(origin)
      expect(res.headers.get('access-control-allow-headers')).toBe('X-Porchlight-Key')
    })

    it('refuses the publishable key from another origin', async () => {
      const res = await w.fetch('/v1/site', {
        headers: { 'X-Porchlight-Key': site.publishableKey, Origin: 'https://evil.example' },
      })
      expect(res.status).toBe(403)
      expect((await w.json(res)).error.code).toBe('ORIGIN_NOT_ALLOWED')
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
    })

    it('serves the owner API with the secret key', async () => {
      const res = await w.fetch('/v1/admin/site', {
        headers: { Authorization: `Bearer ${site.secretKey}` },
      })
      const body = await w.json(res)
      expect(res.status).toBe(200)
      expect(body).toMatchObject({
        id: site.id,
        name: 'Shop',
        publishableKey: site.publishableKey,
        origins: [origin],
      })
      expect(body.secretKeys).toHaveLength(1)
      // Browsers get no CORS access to the owner API.
      expect(res.headers.get('access-control-allow-origin')).toBeNull()
    })

    it('refuses an unknown secret key', async () => {
      const res = await w.fetch('/v1/admin/site', {
        headers: { Authorization: 'Bearer sk_nope_0000000000000000000000000000' },
      })
      expect(res.status).toBe(401)
      expect((await w.json(res)).error.code).toBe('INVALID_SECRET_KEY')
    })

    it('answers malformed JSON with 400 INVALID_JSON', async () => {
      const res = await w.fetch('/v1/admin/origins', {
        method: 'POST',
        headers: { Authorization: `Bearer ${site.secretKey}`, 'Content-Type': 'application/json' },
        body: '{"origin": ',
      })
      expect(res.status).toBe(400)
      expect(await w.json(res)).toEqual({
        error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' },
      })
    })

    it('writes through the owner API and reads the change back', async () => {
      const added = await w.fetch('/v1/admin/origins', {
        method: 'POST',
        headers: { Authorization: `Bearer ${site.secretKey}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ origin: 'https://www.shop.example' }),
      })
      expect(added.status).toBe(201)
      const rows = await w.query<{ origin: string }>(
        'SELECT origin FROM site_origins WHERE site_id = ? ORDER BY origin',
        site.id,
      )
      expect(rows.map((r) => r.origin)).toEqual([origin, 'https://www.shop.example'])
    })

    it('answers an unknown route with the 404 envelope', async () => {
      const res = await w.fetch('/v1/nothing-here')
      expect(res.status).toBe(404)
      expect(await w.json(res)).toEqual({
        error: { code: 'NOT_FOUND', message: 'No such resource.' },
      })
      expect(res.headers.get('x-request-id')).toBeTruthy()
    })

    it('logged no errors', () => {
      expect(errorLines(w.logs)).toEqual([])
    })
  })
})
