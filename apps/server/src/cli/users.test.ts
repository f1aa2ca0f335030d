import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { runCliCapturing, runCliJson } from '../../test/helpers/cli.ts'
import { everyStoredValue, jsonRequest, rows } from '../../test/helpers/http.ts'
import { linkToken, queuedMails } from '../auth/test-helpers.ts'

// `porchlight user …` run in-process against a temp database file, checked through its output,
// its exit code, and the real app over the same file (can the member it made sign in?).

let dir: string
let env: Record<string, string>
let app: TestApp | undefined
let site: { id: string; publishableKey: string; secretKey: string }

const password = 'a long and quiet walk home'

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-cli-users-'))
  env = { DATABASE_URL: `file:${join(dir, 'porchlight.db')}`, LOG_LEVEL: 'silent' }
  expect((await cli('migrate')).code).toBe(0)
  site = await cliJson('site', 'create', '--name', 'Bakery')
})
afterEach(async () => {
  await app?.close()
  app = undefined
  rmSync(dir, { recursive: true, force: true })
})

const cli = (...argv: string[]) => runCliCapturing(argv, env)
const cliJson = <T = Record<string, unknown>>(...argv: string[]) => runCliJson<T>(argv, env)

async function server() {
  app ??= await createTestApp({ env: { DATABASE_URL: env.DATABASE_URL ?? '' } })
  return app
}

async function signIn(email: string, pw = password) {
  const res = await (await server()).app.request(
    '/v1/auth/login',
    jsonRequest('POST', { email, password: pw }, { 'X-Porchlight-Key': site.publishableKey }),
  )
  return { status: res.status, body: (await res.json()) as Record<string, unknown> }
}

const create = (...extra: string[]) =>
  cli('user', 'create', '--email', 'Owner@Bakery.example', '--name', 'Olive', ...extra)

describe('porchlight user create', () => {
  it('--admin --json bootstraps the first admin, who can sign in; the password is stored hashed', async () => {
    const member = await cliJson(
      'user',
      'create',
      '--email',
      'Owner@Bakery.example',
      '--password',
      password,
      '--name',
      'Olive',
      '--admin',
    )
    expect(member).toEqual({
      id: expect.stringMatching(/^mem_/),
      email: 'owner@bakery.example',
      displayName: 'Olive',
      role: 'admin',
      emailVerified: false,
      createdAt: expect.any(Number),
      siteId: site.id,
    })
    const signedIn = await signIn('owner@bakery.example')
    expect(signedIn).toMatchObject({
      status: 200,
      body: { account: { id: member.id, role: 'admin' } },
    })
    expect(await everyStoredValue((await server()).deps.client)).not.toContain(password)
  })

  it('prints the member id for a human; --verified and --role moderator are honoured', async () => {
    const { code, out } = await create('--password', password, '--role', 'moderator', '--verified')
    expect(code).toBe(0)
    expect(out).toMatch(/^Created moderator owner@bakery\.example \(mem_\w+\) on site site_\w+$/m)
    expect(out).toMatch(/email: verified/)
    const stored = await rows(
      (await server()).deps.client,
      'SELECT role, email_verified_at FROM members',
    )
    expect(stored).toEqual([{ role: 'moderator', email_verified_at: expect.any(Number) }])
  })

  it('reads the password from PORCHLIGHT_PASSWORD when --password is absent', async () => {
    env = { ...env, PORCHLIGHT_PASSWORD: password }
    expect((await create()).code).toBe(0)
    expect((await signIn('owner@bakery.example')).status).toBe(200)
  })

  it.each([
    { argv: [], message: /Missing --password \(or PORCHLIGHT_PASSWORD\)/ },
    {
      argv: ['--password', password, '--admin', '--role', 'member'],
      message: /--admin and --role member disagree/,
    },
    {
      argv: ['--password', password, '--role', 'owner'],
      message: /--role must be member, moderator or admin/,
    },
    {
      argv: ['--password', password, '--site', 'site_nope'],
      message: /No site has the id "site_nope"/,
    },
  ])('exit 2 for $argv with a clear message, creating no one', async ({ argv, message }) => {
    const result = await create(...argv)
    expect(result).toMatchObject({ code: 2, err: expect.stringMatching(message) })
    expect(await rows((await server()).deps.client, 'SELECT id FROM members')).toEqual([])
  })

  it('names the missing flags', async () => {
    const result = await cli('user', 'create', '--password', password)
    expect(result).toMatchObject({
      code: 2,
      err: expect.stringMatching(/^Missing --email, --name\./),
    })
  })

  it('a password the site’s policy refuses: exit 2, VALIDATION_FAILED naming the field', async () => {
    const result = await create('--password', 'short')
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/^VALIDATION_FAILED: /)
    expect(result.err).toMatch(/^ {2}--password: Use at least 12 characters\.$/m)
  })

  it('an address the site already has: exit 1, EMAIL_TAKEN', async () => {
    expect((await create('--password', password)).code).toBe(0)
    const again = await cli(
      'user',
      'create',
      '--email',
      'owner@bakery.EXAMPLE',
      '--name',
      'X',
      '--password',
      password,
    )
    expect(again).toMatchObject({ code: 1, err: expect.stringMatching(/^EMAIL_TAKEN: /) })
  })

  it('needs --site when there are several sites, and creates on the one named', async () => {
    const other = await cliJson<{ id: string }>('site', 'create', '--name', 'Other')
    const ambiguous = await create('--password', password)
    expect(ambiguous).toMatchObject({ code: 2, err: expect.stringContaining('--site') })
    const made = await cliJson(
      'user',
      'create',
      '--email',
      'a@b.example',
      '--name',
      'A',
      '--password',
      password,
      '--site',
      other.id,
    )
    expect(made).toMatchObject({ siteId: other.id })
  })
})

describe('porchlight user create on a site with password sign-in off', () => {
  /** The site as its owner would set it: emailed sign-in links instead of passwords. */
  async function passwordsOff() {
    await (await server()).deps.client.execute({
      sql: 'UPDATE sites SET auth_settings = ? WHERE id = ?',
      args: [JSON.stringify({ passwordSignIn: false, emailLinkSignIn: true }), site.id],
    })
  }
  const keyOnly = () => ({ 'X-Porchlight-Key': site.publishableKey })

  // Regression: `user create` asked for --password on every site, so a site without passwords
  // could only get its first admin with a password nothing would ever ask for.
  it('creates the member without one, who signs in by emailed link', async () => {
    await passwordsOff()
    const made = await create('--admin', '--verified')
    expect(made, made.err).toMatchObject({ code: 0 })
    expect(made.out).toMatch(/^Created admin owner@bakery\.example \(mem_\w+\)/m)
    expect(made.out).toMatch(/^ {2}password: none /m)
    const [stored] = await rows(
      (await server()).deps.client,
      'SELECT role, password_hash FROM members',
    )
    expect(stored).toEqual({ role: 'admin', password_hash: '' })

    // The way in the site offers: a link mailed to the address, redeemed in the same browser.
    const t = await createTestApp({ env: { DATABASE_URL: env.DATABASE_URL ?? '' }, handlers: {} })
    try {
      const asked = await t.app.request(
        '/v1/auth/sign-in-link',
        jsonRequest('POST', { email: 'owner@bakery.example' }, keyOnly()),
      )
      expect(asked.status).toBe(202)
      const { browserKey } = (await asked.json()) as { browserKey: string }
      const [mail] = await queuedMails(t)
      expect(mail?.to).toEqual(['owner@bakery.example'])
      const redeemed = await t.app.request(
        '/v1/auth/sign-in-link/redeem',
        jsonRequest('POST', { token: linkToken(mail ?? { text: '' }), browserKey }, keyOnly()),
      )
      expect(redeemed.status, await redeemed.clone().text()).toBe(200)
      expect(await redeemed.json()).toMatchObject({ account: { role: 'admin' } })
    } finally {
      await t.close()
    }
  })

  it.each([
    {
      how: '--password',
      argv: ['--password', password],
      extraEnv: {} as Record<string, string>,
      names: '--password',
    },
    {
      how: 'PORCHLIGHT_PASSWORD',
      argv: [],
      extraEnv: { PORCHLIGHT_PASSWORD: password },
      names: 'PORCHLIGHT_PASSWORD',
    },
  ])('refuses a password given by $how: exit 2, naming it, creating no one', async (c) => {
    await passwordsOff()
    env = { ...env, ...c.extraEnv }
    const result = await create(...c.argv)
    expect(result.code).toBe(2)
    expect(result.err).toMatch(/has password sign-in off, so it takes no password/)
    expect(result.err).toContain(`leave out ${c.names}.`)
    expect(await rows((await server()).deps.client, 'SELECT id FROM members')).toEqual([])
  })
})

describe('porchlight user list and role', () => {
  it('lists members newest first, and changes a role', async () => {
    expect(await cliJson('user', 'list')).toEqual([])
    expect((await cli('user', 'list')).out).toMatch(/^No members yet/)
    const first = await cliJson<{ id: string }>(
      'user',
      'create',
      '--email',
      'a@b.example',
      '--name',
      'A',
      '--password',
      password,
      '--admin',
    )
    await new Promise((resolve) => setTimeout(resolve, 5))
    const second = await cliJson<{ id: string }>(
      'user',
      'create',
      '--email',
      'c@d.example',
      '--name',
      'C',
      '--password',
      password,
    )

    const listed = await cliJson<{ id: string; role: string; status: string }[]>('user', 'list')
    expect(listed.map((m) => [m.id, m.role, m.status])).toEqual([
      [second.id, 'member', 'active'],
      [first.id, 'admin', 'active'],
    ])
    const human = await cli('user', 'list')
    expect(human.out).toContain(`${first.id}  a@b.example  admin  active  "A"`)

    const changed = await cli('user', 'role', second.id, 'moderator')
    expect(changed).toMatchObject({ code: 0, out: `c@d.example (${second.id}) is now moderator` })
    expect(await cliJson('user', 'role', second.id, 'member')).toMatchObject({
      id: second.id,
      role: 'member',
    })
    const stored = await rows(
      (await server()).deps.client,
      'SELECT role FROM members WHERE id = ?',
      second.id,
    )
    expect(stored).toEqual([{ role: 'member' }])
  })

  it.each([
    { argv: ['user', 'role', 'mem_nope', 'admin'], code: 1, err: /^MEMBER_NOT_FOUND: / },
    {
      argv: ['user', 'role', 'mem_nope', 'owner'],
      code: 2,
      err: /ROLE must be member, moderator or admin/,
    },
    { argv: ['user', 'role', 'mem_nope'], code: 2, err: /^Usage: porchlight user create/ },
    { argv: ['user'], code: 2, err: /^Usage: porchlight user create/ },
    { argv: ['user', 'delete', 'mem_x'], code: 2, err: /^Usage: porchlight user create/ },
  ])('$argv → exit $code', async ({ argv, code, err }) => {
    expect(await cli(...argv)).toMatchObject({ code, err: expect.stringMatching(err) })
  })

  it('the main usage lists the user commands', async () => {
    expect((await cli('--help')).out).toMatch(/^ {2}user create --email E --name N/m)
  })
})
