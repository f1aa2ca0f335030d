import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sites } from '../../src/db/schema.ts'
import { builtAssets } from '../../src/pages/built-assets.ts'
import { createSite } from '../../src/sites/service.ts'
import { createTestApp, type TestApp } from '../helpers/app.ts'
import { errorLines, startWorkerHarness, type WorkerHarness } from './worker-harness.ts'

// The script tag 404'd on Workers: the Worker served neither /embed.js nor /demo/, so the embed
// README's <script src="https://api…/embed.js"> broke on the deployment the design names first.
// Now wrangler uploads dist/public as the Worker's static assets and the Worker serves them
// through the ASSETS binding, with the same page routes as Node. Each answer is compared with
// what the Node server answers for the same files (the same dist/public, read from disk).

const devOrigin = 'http://127.0.0.1:8787'

/** The headers a browser acts on for these files; the rest (request ids, dates) may differ. */
const compared = [
  'content-type',
  'cache-control',
  'etag',
  'cross-origin-resource-policy',
  'access-control-allow-origin',
  'content-security-policy',
  'referrer-policy',
  'x-content-type-options',
  'location',
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

// Compared uncompressed: Node compresses the script itself, a Worker leaves it to the runtime.
const plain = { headers: { 'Accept-Encoding': 'identity' } }

let deployed: WorkerHarness
let dev: WorkerHarness
let node: TestApp
let version: string

beforeAll(async () => {
  // A deployment (production: no demo pages), and `wrangler dev` (a loopback host: the demo).
  deployed = await startWorkerHarness({ database: 'd1' })
  dev = await startWorkerHarness({ database: 'd1', vars: 'toml', origin: devOrigin })
  node = await createTestApp({
    env: { PUBLIC_URL: devOrigin },
    assets: builtAssets(deployed.bundle.assetsDir),
  })
  version = (
    JSON.parse(readFileSync(join(deployed.bundle.assetsDir, 'assets.json'), 'utf8')) as {
      embed: { version: string }
    }
  ).embed.version
}, 240_000)

afterAll(async () => {
  await deployed?.close()
  await dev?.close()
  await node?.close()
})

describe('the script tag’s bundle on the Worker', () => {
  it('is served at /embed.js and /embed/<version>/embed.js, as Node serves them', async () => {
    for (const path of [
      '/embed.js',
      '/embed.js.map',
      `/embed/${version}/embed.js`,
      `/embed/${version}/embed.js.map`,
    ]) {
      const worker = await answerOf(await deployed.fetch(path, plain))
      const onNode = await answerOf(await node.app.request(path, plain))
      expect(worker.status, path).toBe(200)
      expect({ path, ...worker }).toEqual({ path, ...onNode })
    }
  })

  it('can be loaded by other sites’ pages, briefly cached, and forever at its versioned URL', async () => {
    const res = await deployed.fetch('/embed.js', plain)
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin')
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('cache-control')).toBe('public, max-age=300')
    expect(await res.text()).toBe(readFileSync(join(deployed.bundle.assetsDir, 'embed.js'), 'utf8'))
    const pinned = await deployed.fetch(`/embed/${version}/embed.js`, plain)
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
  })

  it('reaches a browser as the script itself, compressed once', async () => {
    // Regression: the Node routes gzip the script with Hono's compress(), and the Workers runtime
    // compresses any body whose Content-Encoding asks for it, so on the Worker the script was
    // gzipped twice, and a browser decoding it once got gzip bytes where JavaScript should be.
    const res = await deployed.fetch('/embed.js', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' },
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toBe(readFileSync(join(deployed.bundle.assetsDir, 'embed.js'), 'utf8'))
  })

  it('answers a revalidation with 304', async () => {
    const etag = (await deployed.fetch('/embed.js', plain)).headers.get('etag') ?? ''
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    const again = await deployed.fetch('/embed.js', { headers: { 'If-None-Match': etag } })
    expect(again.status).toBe(304)
  })

  it('names the version it has when another is asked for, as Node does', async () => {
    const path = '/embed/0.0.0-nope/embed.js'
    const worker = await answerOf(await deployed.fetch(path))
    expect(worker).toEqual(await answerOf(await node.app.request(path)))
    expect(worker.status).toBe(404)
    const { error } = JSON.parse(worker.body)
    expect(error.code).toBe('EMBED_VERSION_NOT_FOUND')
    expect(error.message).toContain(`/embed/${version}/embed.js`)
  })

  it('serves nothing else from the assets folder: the Worker runs first for every path', async () => {
    for (const path of ['/assets.json', '/demo/index.html', '/demo/style.css', '/embed/']) {
      const res = await deployed.fetch(path)
      expect({ path, status: res.status }).toEqual({ path, status: 404 })
      expect((await deployed.json(res)).error.code).toBe('NOT_FOUND')
    }
  })
})

describe('the demo pages under `wrangler dev`', () => {
  it('are served as Node serves them, filled in with the demo site’s key and this address', async () => {
    const [site] = await dev.query<{ publishable_key: string }>('SELECT publishable_key FROM sites')
    // Node's first site gets the same key, so the filled-in pages can be compared byte for byte.
    const onNodeSite = await createSite(node.deps, { name: 'Demo site', origins: [devOrigin] })
    await node.deps.db
      .update(sites)
      .set({ publishableKey: site?.publishable_key ?? '' })
      .where(eq(sites.id, onNodeSite.id))
    for (const path of ['/demo/', '/demo/contact.html', '/demo/members.html', '/demo/style.css']) {
      const worker = await answerOf(await dev.fetch(path, plain))
      const onNode = await answerOf(await node.app.request(`${devOrigin}${path}`, plain))
      expect(worker.status, path).toBe(200)
      expect({ path, ...worker }).toEqual({ path, ...onNode })
    }
    const page = await (await dev.fetch('/demo/contact.html', plain)).text()
    expect(page).toContain(`data-key="${site?.publishable_key}"`)
    expect(page).toContain(`src="${devOrigin}/embed.js"`)
    expect(page).not.toMatch(/__(API_URL|SITE_URL|PUBLISHABLE_KEY)__/)
  })

  it('redirects /demo to /demo/, and answers other names with 404', async () => {
    const bare = await dev.fetch('/demo', { redirect: 'manual' })
    expect(bare.status).toBe(301)
    expect(bare.headers.get('location')).toBe('/demo/')
    for (const path of ['/demo/nope.html', '/demo/README.md', '/demo/..%2fassets.json']) {
      expect((await dev.fetch(path)).status, path).toBe(404)
    }
  })

  // Issue 15: every page's tab asked for /favicon.ico and got a 404.
  it('answer /favicon.ico with the icon Node serves, deployed and under `wrangler dev`', async () => {
    const onNode = await node.app.request('/favicon.ico')
    const icon = new Uint8Array(await onNode.arrayBuffer())
    for (const worker of [deployed, dev]) {
      const res = await worker.fetch('/favicon.ico')
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('image/x-icon')
      expect(res.headers.get('cache-control')).toBe(onNode.headers.get('cache-control'))
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(icon)
    }
  })

  it('logged no errors', () => {
    expect(errorLines(dev.logs)).toEqual([])
    expect(errorLines(deployed.logs)).toEqual([])
  })
})
