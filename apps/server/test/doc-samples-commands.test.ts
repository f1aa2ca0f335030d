// The documents' CLI and curl samples (issue 15, item 9), run as a reader runs them after
// `npm start`: the real CLI in the server's folder, each curl line sent as the request it is,
// against the real server on the same libSQL file; then what the sample changed is checked
// through the API. Each document has a fresh world of its own (doc-samples/reader-world.ts).
// docs/contact-forms.md's samples: doc-samples-contact.test.ts. The catalogue of every sample:
// doc-samples/catalogue.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { coverage, documentBlocks } from './doc-samples/catalogue.ts'
import { type ReaderWorld, startReaderWorld } from './doc-samples/reader-world.ts'
import { bearer } from './helpers/http.ts'
import { type CommandLine, commandLines } from './helpers/readme-commands.ts'

// Each CLI sample is a Node process of its own: a minute per test leaves room for a busy machine.
const blocks = documentBlocks()

/** The commands of a sample the catalogue says run here, less the ones it lists as not run. */
function commandsOf(key: string): CommandLine[] {
  const how = coverage[key]
  const block = blocks.get(key)
  if (!how || !('run' in how) || !block) throw new Error(`${key} is not a sample run here`)
  return commandLines(block.code).filter((line) => !how.except?.[line.text.replace(/\s+#.*$/, '')])
}

/** What `site create` printed: the site's id and keys. */
function createdSite(out: string) {
  const site = {
    id: /Created site "[^"]+" \((site_[a-z0-9]+)\)/.exec(out)?.[1] as string,
    publishableKey: /publishable key:\s+(pk_[a-z0-9]+)/.exec(out)?.[1] as string,
    secretKey: /secret key:\s+(sk_[a-z0-9_]+)/.exec(out)?.[1] as string,
  }
  expect(site.id && site.publishableKey && site.secretKey, out).toBeTruthy()
  return site
}

/** A page of `origin` reading with `publishableKey`, as the SDK would. */
const fromPage = (publishableKey: string, origin: string) => ({
  'X-Porchlight-Key': publishableKey,
  Origin: origin,
})

// Regression (issue 15, item 8): the README's category curl, sent with the demo site's key,
// answered 409 CATEGORY_EXISTS, and its linkTemplate change broke the /demo/ confirmation flow.
// The example now makes a site of its own, and changes nothing of the demo site's.
describe('examples/app/README.md', { timeout: 60_000 }, () => {
  let world: ReaderWorld
  let app: ReturnType<typeof createdSite>
  const section =
    "examples/app/README.md § The site's contact form, forum category and emailed links"
  beforeAll(async () => {
    world = await startReaderWorld()
  }, 60_000)
  afterAll(() => world?.close())

  it('Run it: one command gives the app its own site, allowed at the dev server and the preview', async () => {
    const [create] = commandsOf('examples/app/README.md § Run it #2')
    const { code, out } = await world.cli(create as CommandLine)
    expect(code, out).toBe(0)
    app = createdSite(out)
    world.placeholders.set('sk_…', app.secretKey)
    for (const origin of ['http://localhost:5173', 'http://localhost:4173']) {
      const site = await world.api('/v1/site', { headers: fromPage(app.publishableKey, origin) })
      expect(await site.json()).toEqual({ id: app.id, name: 'Example app' })
    }
  })

  it('its form, category and emailed links: each request succeeds, on the app’s site', async () => {
    for (const n of [1, 2, 3]) {
      for (const line of commandsOf(`${section} #${n}`)) {
        const { status, body } = await world.curl(line)
        expect(status, `${line.text}\n${JSON.stringify(body)}`).toBeGreaterThanOrEqual(200)
        expect(status, line.text).toBeLessThan(300)
      }
    }
    const page = fromPage(app.publishableKey, 'http://localhost:5173')
    const challenge = await world.api('/v1/forms/contact/challenge', { headers: page })
    expect(challenge.status).toBe(200)
    const { items } = await (await world.api('/v1/forum/categories', { headers: page })).json()
    expect(items.map((c: { slug: string }) => c.slug)).toEqual(['general'])
    const settings = await world.api('/v1/admin/auth-settings', { headers: bearer(app.secretKey) })
    expect((await settings.json()).linkTemplate).toBe(
      'http://localhost:5173/?action={action}&token={token}',
    )
  })

  it('the demo site keeps its own links, form and one category', async () => {
    const owner = bearer(world.demo.secretKey)
    const settings = await (await world.api('/v1/admin/auth-settings', { headers: owner })).json()
    expect(settings.linkTemplate).toBe(
      `${world.server.url}/demo/members.html?action={action}&token={token}`,
    )
    const { items } = await (
      await world.api('/v1/admin/forum/categories', { headers: owner })
    ).json()
    expect(items.map((c: { name: string }) => c.name)).toEqual(['General'])
    const form = await (await world.api('/v1/admin/forms/contact', { headers: owner })).json()
    expect(form.settings.notify).toEqual(['owner@example.com'])
  })
})

describe('docs/deployment.md', { timeout: 60_000 }, () => {
  let world: ReaderWorld
  beforeAll(async () => {
    world = await startReaderWorld()
  }, 60_000)
  afterAll(() => world?.close())

  it('Health, readiness: site create makes a site the server serves; /readyz says ready', async () => {
    const [create] = commandsOf('docs/deployment.md § Health, readiness and a busy database #1')
    const { code, out } = await world.cli(create as CommandLine)
    expect(code, out).toBe(0)
    const site = createdSite(out)
    const read = await world.api('/v1/site', {
      headers: fromPage(site.publishableKey, 'https://example.com'),
    })
    expect(await read.json()).toEqual({ id: site.id, name: 'My site' })

    const probes = commandsOf('docs/deployment.md § Health, readiness and a busy database #3')
    expect(probes).toHaveLength(1)
    expect(await world.curl(probes[0] as CommandLine)).toEqual({
      status: 200,
      body: { status: 'ready' },
    })
  })

  it('Run from npm: porchlight --help lists the operator commands', async () => {
    const [help] = commandsOf('docs/deployment.md § Run from npm #1')
    expect(help?.words).toEqual(['npx', 'porchlight', '--help'])
    const { code, out, err } = await world.cli(help as CommandLine)
    expect(code).toBe(0)
    // "every operator command: sites, keys, members, migrations"
    for (const command of ['site create', 'key rotate', 'user create', 'migrate']) {
      expect(out + err).toContain(command)
    }
  })
})

describe('docs/membership.md, CLI', { timeout: 60_000 }, () => {
  let world: ReaderWorld
  beforeAll(async () => {
    world = await startReaderWorld()
  }, 60_000)
  afterAll(() => world?.close())

  it('makes a verified admin, lists the members, and makes them a moderator', async () => {
    const [create, list, role] = commandsOf('docs/membership.md § CLI #1')
    // The '…' of --password: a passphrase the rules accept.
    world.placeholders.set('…', 'a long and quiet walk home')
    const created = await world.cli(create as CommandLine)
    expect(created.code, created.err).toBe(0)
    const memberId = /mem_[a-z0-9]+/.exec(created.out)?.[0] as string
    expect(memberId, created.out).toBeTruthy()
    world.placeholders.set('mem_…', memberId)

    const listed = await world.cli(list as CommandLine)
    expect(listed.code).toBe(0)
    expect(listed.out).toContain('admin@example.com')

    const changed = await world.cli(role as CommandLine)
    expect(changed).toMatchObject({
      code: 0,
      out: `admin@example.com (${memberId}) is now moderator`,
    })
    const member = await world.api(`/v1/admin/members/${memberId}`, {
      headers: bearer(world.demo.secretKey),
    })
    expect(await member.json()).toMatchObject({
      email: 'admin@example.com',
      displayName: 'Site admin',
      role: 'moderator',
      emailVerified: true,
    })
  })
})
