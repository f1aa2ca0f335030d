import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { runCliCapturing, runCliJson } from '../../test/helpers/cli.ts'
import { bearer, everyStoredValue, rows } from '../../test/helpers/http.ts'
import { parseSecretKey } from '../sites/keys.ts'
import { siteCacheLifetimeMs } from '../sites/site-cache.ts'

// The operator's CLI, run in-process against a temp database file, checked through its output,
// its exit code, and a real app over the same file (do the printed keys work?).

let dir: string
let env: Record<string, string>
let app: TestApp | undefined

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-cli-'))
  env = { DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}`, LOG_LEVEL: 'silent' }
})
afterEach(async () => {
  await app?.close()
  app = undefined
  rmSync(dir, { recursive: true, force: true })
})

const cli = (...argv: string[]) => runCliCapturing(argv, env)
const cliJson = <T = Record<string, unknown>>(...argv: string[]) => runCliJson<T>(argv, env)

const serverClock = manualClock()

/** The app over the CLI's database file, to check what the CLI printed and stored. */
async function server() {
  app ??= await createTestApp({ env: { DATABASE_URL: env.DATABASE_URL ?? '' }, clock: serverClock })
  return app
}

/**
 * The server is another process than the CLI: it sees a change the CLI made once what it has
 * cached about the site expires (sites/site-cache.ts).
 */
const afterServerCacheLifetime = () => serverClock.advance(siteCacheLifetimeMs)

const visit = async (publishableKey: string, origin?: string) =>
  (
    await (
      await server()
    ).app.request('/v1/site', {
      headers: { 'X-Porchlight-Key': publishableKey, ...(origin && { Origin: origin }) },
    })
  ).status
const ownerCall = async (secretKey: string) =>
  (await (await server()).app.request('/v1/admin/site', { headers: bearer(secretKey) })).status

type CreatedSite = {
  id: string
  name: string
  publishableKey: string
  origins: string[]
  secretKey: string
}

describe('porchlight site', () => {
  // Only serve and migrate create a database; the operator's server has made it by now.
  beforeEach(async () => {
    expect((await cli('migrate')).code).toBe(0)
  })

  it('create --json prints working keys and stores the site, its origins and a hashed key', async () => {
    const site = await cliJson<CreatedSite>(
      'site',
      'create',
      '--name',
      'Bakery',
      '--origin',
      'https://a.example',
      '--origin',
      'HTTPS://B.example/',
    )
    expect(site).toEqual({
      id: expect.stringMatching(/^site_/),
      name: 'Bakery',
      publishableKey: expect.stringMatching(/^pk_/),
      origins: ['https://a.example', 'https://b.example'],
      secretKey: expect.stringMatching(/^sk_/),
    })

    const { deps } = await server()
    expect(await rows(deps.client, 'SELECT id, name, publishable_key FROM sites')).toEqual([
      { id: site.id, name: 'Bakery', publishable_key: site.publishableKey },
    ])
    expect(await rows(deps.client, 'SELECT origin FROM site_origins ORDER BY origin')).toEqual([
      { origin: 'https://a.example' },
      { origin: 'https://b.example' },
    ])
    expect(await everyStoredValue(deps.client)).not.toContain(site.secretKey)
    expect(await visit(site.publishableKey, 'https://b.example')).toBe(200)
    expect(await ownerCall(site.secretKey)).toBe(200)
  })

  it('create prints the keys for a human, with a warning that the secret is shown once', async () => {
    const { code, out } = await cli('site', 'create', '--name', 'Bakery')
    expect(code).toBe(0)
    expect(out).toMatch(/^Created site "Bakery" \(site_\w+\)$/m)
    expect(out).toMatch(/publishable key: pk_\w+/)
    expect(out).toMatch(/secret key: +sk_\w+ +\(shown only this once/)
    expect(out).toMatch(/origins: +\(none yet/)
  })

  it.each([
    { argv: ['--origin', 'https://a.example'], message: /^Missing --name: / },
    { argv: ['--name', ' '], message: /^--name is empty: / },
    {
      argv: ['--name', 'Bakery', '--origin', 'https://a.example', '--origin', 'a.example'],
      message: /^VALIDATION_FAILED: .*\n {2}--origin a\.example: Must be/,
    },
  ])(
    'create refuses bad input ($argv) naming the flag, and stores nothing',
    async ({ argv, message }) => {
      const { code, err } = await cli('site', 'create', ...argv)
      expect(code).toBe(2)
      expect(err).toMatch(message)
      expect(await cliJson('site', 'list')).toEqual([])
    },
  )

  it('list --json shows every site with its origins', async () => {
    expect(await cliJson('site', 'list')).toEqual([])
    const a = await cliJson<CreatedSite>(
      'site',
      'create',
      '--name',
      'A',
      '--origin',
      'https://a.example',
    )
    const b = await cliJson<CreatedSite>('site', 'create', '--name', 'B')
    expect(await cliJson('site', 'list')).toEqual([
      {
        id: a.id,
        name: 'A',
        publishableKey: a.publishableKey,
        createdAt: expect.any(Number),
        origins: ['https://a.example'],
      },
      {
        id: b.id,
        name: 'B',
        publishableKey: b.publishableKey,
        createdAt: expect.any(Number),
        origins: [],
      },
    ])
    const { out } = await cli('site', 'list')
    expect(out).toContain(a.id)
    expect(out).toContain(b.publishableKey)
    expect(out).not.toContain(a.secretKey)
  })

  it('origins add/remove change which pages may use the key', async () => {
    const site = await cliJson<CreatedSite>('site', 'create', '--name', 'A')
    expect(await visit(site.publishableKey, 'https://shop.example')).toBe(403)

    expect(await cliJson('site', 'origins', 'add', 'https://Shop.example/')).toEqual({
      origin: 'https://shop.example',
      action: 'add',
    })
    afterServerCacheLifetime()
    expect(await visit(site.publishableKey, 'https://shop.example')).toBe(200)

    const again = await cli('site', 'origins', 'add', 'https://shop.example')
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/^ORIGIN_EXISTS: /) })

    expect((await cli('site', 'origins', 'remove', 'https://shop.example')).out).toBe(
      'Removed https://shop.example',
    )
    afterServerCacheLifetime()
    expect(await visit(site.publishableKey, 'https://shop.example')).toBe(403)

    const missing = await cli('site', 'origins', 'remove', 'https://shop.example')
    expect(missing).toMatchObject({ code: 1, err: expect.stringMatching(/^ORIGIN_NOT_FOUND: /) })
    const bad = await cli('site', 'origins', 'add', 'shop.example')
    expect(bad).toMatchObject({ code: 2, err: expect.stringContaining('https://example.com') })
  })

  it('needs --site when there are several sites', async () => {
    await cliJson('site', 'create', '--name', 'A')
    const b = await cliJson<CreatedSite>('site', 'create', '--name', 'B')

    const ambiguous = await cli('site', 'origins', 'add', 'https://b.example')
    expect(ambiguous).toMatchObject({ code: 2, err: expect.stringContaining('--site') })
    const unknown = await cli('site', 'origins', 'add', 'https://b.example', '--site', 'site_nope')
    expect(unknown).toMatchObject({
      code: 2,
      err: expect.stringContaining('No site has the id "site_nope"'),
    })

    expect((await cli('site', 'origins', 'add', 'https://b.example', '--site', b.id)).code).toBe(0)
    expect(await visit(b.publishableKey, 'https://b.example')).toBe(200)
  })
})

describe('porchlight key', () => {
  let site: CreatedSite
  beforeEach(async () => {
    expect((await cli('migrate')).code).toBe(0)
    site = await cliJson<CreatedSite>(
      'site',
      'create',
      '--name',
      'A',
      '--origin',
      'https://a.example',
    )
  })

  it('rotate prints a new working key and leaves the old one working', async () => {
    const created = await cliJson<{ id: string; key: string; label: string }>(
      'key',
      'rotate',
      '--label',
      'CI',
    )
    expect(created).toMatchObject({ label: 'CI', key: expect.stringMatching(/^sk_/) })
    expect(await ownerCall(created.key)).toBe(200)
    expect(await ownerCall(site.secretKey)).toBe(200)

    const listed = await cliJson<{ id: string }[]>('key', 'list')
    expect(listed.map((k) => k.id)).toEqual([parseSecretKey(site.secretKey)?.id, created.id])
    expect(JSON.stringify(listed)).not.toContain(created.key)

    const human = await cli('key', 'rotate')
    expect(human.out).toMatch(/^ {2}sk_\w+$/m)
    expect(human.out).toMatch(/Shown only this once/)
  })

  it('revoke stops a key at once, and refuses to revoke the last one', async () => {
    const oldId = parseSecretKey(site.secretKey)?.id ?? ''
    const created = await cliJson<{ id: string; key: string }>('key', 'rotate')

    expect(await cli('key', 'revoke', oldId)).toMatchObject({
      code: 0,
      out: `Revoked sk_${oldId}_…`,
    })
    expect(await ownerCall(site.secretKey)).toBe(401)
    expect(await ownerCall(created.key)).toBe(200)

    const last = await cli('key', 'revoke', created.id)
    expect(last).toMatchObject({ code: 1, err: expect.stringMatching(/^LAST_SECRET_KEY: /) })
    expect(await ownerCall(created.key)).toBe(200)
    const unknown = await cli('key', 'revoke', 'aaaaaaaaaaaaaaaa')
    expect(unknown).toMatchObject({ code: 1, err: expect.stringMatching(/^KEY_NOT_FOUND: /) })
  })

  it('rotate --publishable replaces the publishable key; the old one stops working', async () => {
    const { publishableKey } = await cliJson<{ publishableKey: string }>(
      'key',
      'rotate',
      '--publishable',
    )
    expect(publishableKey).toMatch(/^pk_/)
    expect(publishableKey).not.toBe(site.publishableKey)
    expect(await visit(site.publishableKey, 'https://a.example')).toBe(401)
    expect(await visit(publishableKey, 'https://a.example')).toBe(200)
    // Secret keys are untouched.
    expect(await ownerCall(site.secretKey)).toBe(200)
  })
})

describe('porchlight migrate', () => {
  it('applies the migrations to a new file, then reports it up to date', async () => {
    const first = await cli('migrate')
    expect(first).toMatchObject({ code: 0, out: expect.stringMatching(/^Applied 0000_init/) })
    expect(await cli('migrate')).toMatchObject({ code: 0, out: 'The database is up to date.' })
    const { deps } = await server()
    expect(await rows(deps.client, 'SELECT count(*) AS n FROM sites')).toEqual([{ n: 0 }])
  })
})

describe('mistakes on the command line', () => {
  it.each([
    { argv: [], stream: 'out' },
    { argv: ['frobnicate'], stream: 'err' },
    { argv: ['site', 'create', '--colour', 'red'], stream: 'err' },
    { argv: ['site', 'create', '--name'], stream: 'err' },
  ])('$argv → exit 2 with the usage', async ({ argv, stream }) => {
    const result = await cli(...argv)
    expect(result.code).toBe(2)
    expect(stream === 'out' ? result.out : result.err).toMatch(/^Usage: porchlight <command>/m)
  })

  it.each([
    [['site']],
    [['site', 'delete']],
    [['site', 'origins', 'list']],
    [['key']],
    [['key', 'revoke']],
  ])('%j → exit 2 with the command’s usage', async (argv) => {
    const result = await cli(...argv)
    expect(result).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Usage: porchlight (site|key) /),
    })
  })

  it('--help prints the usage and succeeds', async () => {
    expect(await cli('--help')).toMatchObject({ code: 0, out: expect.stringMatching(/^Usage: /) })
  })

  it.each<{ env: Record<string, string>; name: string }>([
    { env: { PORT: 'eighty' }, name: 'PORT' },
    { env: { DATABASE_URL: 'postgres://db/porchlight' }, name: 'DATABASE_URL' },
  ])('a bad $name → exit 2 naming it, touching nothing', async ({ env: bad, name }) => {
    env = { ...env, ...bad }
    const result = await cli('site', 'list')
    expect(result.code).toBe(2)
    expect(result.err).toMatch(new RegExp(`^  ${name}: `, 'm'))
    expect(existsSync(join(dir, 'data'))).toBe(false)
  })
})
