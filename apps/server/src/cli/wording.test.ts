// Regressions (issue 15, item 6): what the CLI says when the operator gets something wrong.
// `site create` without --name said `name: Too small: expected string to have >=1 characters`;
// `key revoke` given the key itself, or the hint `key list` prints, said KEY_NOT_FOUND; and
// messages ending in an id printed a doubled period (`sk_….`, `site_….`). The CLI in a temp
// folder, checked through what it prints and what the server then accepts: a real process where
// the case is one per command (`cliProcess`, on the database it finds by default), and `runCli`
// in this process, on the same file, where a case runs a command many times (`cli`).
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestApp, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { type CliResult, runCliCapturing, runCliProcess } from '../../test/helpers/cli.ts'
import { bearer } from '../../test/helpers/http.ts'
import { parseSecretKey } from '../sites/keys.ts'
import { siteCacheLifetimeMs } from '../sites/site-cache.ts'

let dir: string
let app: TestApp
let site: { id: string; secretKey: string }
const databaseUrl = () => `file:${join(dir, 'data', 'porchlight.db')}`

const cliProcess = (...argv: string[]): Promise<CliResult> =>
  runCliProcess(argv, { cwd: dir, env: { PATH: process.env.PATH, LOG_LEVEL: 'silent' } })
const cli = (...argv: string[]): Promise<CliResult> =>
  runCliCapturing(argv, { LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl() })
const json = async <T>(...argv: string[]): Promise<T> => {
  const result = await cli(...argv, '--json')
  expect(result, result.err).toMatchObject({ code: 0, err: '' })
  return JSON.parse(result.out) as T
}
const serverClock = manualClock()
/**
 * What the owner API answers the key: 200 while it is active, 401 once revoked. The server is
 * another app than the CLI's (its own site cache, as in another process), so it is asked once
 * what it cached about the site has expired (sites/site-cache.ts).
 */
const ownerStatus = async (secretKey: string) => {
  serverClock.advance(siteCacheLifetimeMs)
  return (await app.app.request('/v1/admin/site', { headers: bearer(secretKey) })).status
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-cli-wording-'))
  expect((await cliProcess('migrate')).code).toBe(0)
  site = await json('site', 'create', '--name', 'Bakery')
  app = await createTestApp({ env: { DATABASE_URL: databaseUrl() }, clock: serverClock })
}, 60_000)

afterAll(async () => {
  await app?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

describe('site create names the flag', () => {
  it.each([
    { argv: [], first: 'Missing --name: give the site a name.' },
    { argv: ['--name', '  '], first: '--name is empty: give the site a name.' },
  ])('$argv → "$first", the usage, exit 2, no site', async ({ argv, first }) => {
    const { code, err } = await cliProcess(
      'site',
      'create',
      ...argv,
      '--origin',
      'https://a.example',
    )
    expect(code).toBe(2)
    expect(err.split('\n')).toEqual([
      first,
      '',
      'Usage: porchlight site create --name "My site" [--origin https://example.com …]',
    ])
    expect(await json('site', 'list')).toHaveLength(1)
  })

  it('a bad --origin is named by the value given', async () => {
    const { code, err } = await cli(
      'site',
      'create',
      '--name',
      'Bakery two',
      '--origin',
      'https://ok.example',
      '--origin',
      'bakery.example',
    )
    expect(code).toBe(2)
    expect(err.split('\n')).toEqual([
      'VALIDATION_FAILED: Some fields are invalid.',
      '  --origin bakery.example: Must be an origin such as https://example.com.',
    ])
  })
})

describe('key revoke takes what the operator has at hand', () => {
  // Nine commands and as many requests: a minute leaves room for a busy machine.
  it('the whole key, the hint, the hint typed with dots, or the id; never printing a secret', {
    timeout: 60_000,
  }, async () => {
    type Created = { id: string; key: string }
    const a = await json<Created>('key', 'rotate')
    const b = await json<Created>('key', 'rotate')
    const c = await json<Created>('key', 'rotate')
    const original = parseSecretKey(site.secretKey)?.id as string

    const forms = [
      { given: site.secretKey, id: original, key: site.secretKey },
      { given: `sk_${a.id}_…`, id: a.id, key: a.key },
      { given: `sk_${b.id}_...`, id: b.id, key: b.key },
      { given: c.id, id: c.id, key: c.key },
    ]
    const last = await json<Created>('key', 'rotate')
    for (const { given, id, key } of forms) {
      expect(await ownerStatus(key)).toBe(200)
      const result = await cli('key', 'revoke', given)
      expect(result, given).toEqual({ code: 0, out: `Revoked sk_${id}_…`, err: '' })
      expect(await ownerStatus(key)).toBe(401)
    }
    // The last key stays: a site needs one (the refusal itself is run.test.ts's).
    expect(await ownerStatus(last.key)).toBe(200)
    expect(await cli('key', 'revoke', `sk_${last.id}_…`)).toMatchObject({
      code: 1,
      err: expect.stringMatching(/^LAST_SECRET_KEY: /),
    })
  })

  it('an id it does not know says where the ids come from, without a doubled period', async () => {
    const { code, err } = await cliProcess('key', 'revoke', 'abcdefghijklmnop')
    expect(code).toBe(1)
    expect(err).toBe(
      `KEY_NOT_FOUND: Site ${site.id} has no active secret key sk_abcdefghijklmnop_… (revoked already, or another site's). Its keys: porchlight key list`,
    )
  })

  it('anything else is explained, and not printed back: it may be a mistyped secret', async () => {
    const mistyped = `${site.secretKey}x`
    for (const given of [mistyped, 'my-old-key', 'sk_…']) {
      const { code, out, err } = await cli('key', 'revoke', given)
      expect(code, given).toBe(2)
      expect(out).toBe('')
      expect(err).toBe(
        'KEY_ID is the id porchlight key list prints first on each line (16 letters and digits). The hint beside it (sk_<id>_…) and the whole secret key work too.',
      )
    }
  })
})

describe('messages that end in an id have one period', () => {
  it('--site with an id pasted from the docs (site_…)', async () => {
    const { code, err } = await cli('key', 'list', '--site', 'site_…')
    expect(code).toBe(2)
    expect(err).toBe('No site has the id "site_…" (see: porchlight site list).')
  })

  it('user role with an unknown member id says where the ids come from', async () => {
    const { code, err } = await cliProcess('user', 'role', 'mem_…', 'admin')
    expect(code).toBe(1)
    expect(err).toBe(
      `MEMBER_NOT_FOUND: Site ${site.id} has no member with the id "mem_…". Its members, ids first: porchlight user list`,
    )
  })

  it('the API refusing a secret key', async () => {
    const response = await app.app.request('/v1/admin/site', { headers: bearer('sk_nope') })
    const { error } = (await response.json()) as { error: { message: string } }
    expect(error.message).toBe(
      'Send a valid, unrevoked secret key in the Authorization header: Bearer sk_…',
    )
  })

  // The shape itself, wherever a message is written: a placeholder id (`sk_…`, `site_…`) that
  // ends a sentence. Ids interpolated into messages are pinned by the cases above.
  it('no message in the sources ends a placeholder id with a period', () => {
    const root = fileURLToPath(new URL('../../../../', import.meta.url))
    const sources = ['apps/server/src', 'packages/sdk/src', 'packages/embed/src'].flatMap(
      (folder) => filesUnder(join(root, folder)).filter((file) => /(?<!\.test)\.ts$/.test(file)),
    )
    expect(sources.length).toBeGreaterThan(100)
    const found = sources.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, index) => ({ line, at: `${relative(root, file)}:${index + 1}` }))
        // Messages only: comments may name files such as `mem_….json`.
        .filter(({ line }) => !/^\s*(\/\/|\*|\/\*)/.test(line) && /…\.(?![\w.])/.test(line))
        .map(({ at }) => at),
    )
    expect(found).toEqual([])
  })
})

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}
