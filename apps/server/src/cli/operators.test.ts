// `porchlight operator …` as a deployment's admin runs it: the CLI on a temp database file,
// checked through what it prints, its exit codes, what is stored, and the real app over the same
// file (can the operator sign in, with what?). The first test starts a real CLI process, as the
// admin does; the rest run the same `runCli` in this process, sparing a Node start-up per
// command. With --d1 the same commands run on the local D1 state. The password, at a terminal
// and refused: operator-password.test.ts.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCliJson } from '../../test/helpers/cli.ts'
import { everyStoredValue, jsonRequest, rows } from '../../test/helpers/http.ts'
import { type ListedOperator as Listed, operatorCliWorld } from '../../test/helpers/operator-cli.ts'
import {
  consoleOrigin,
  operatorCookieOf,
  operatorPassword,
  totpCode,
} from '../../test/helpers/operators.ts'
import { repoRoot } from '../../test/worker/worker-bundle.ts'

const world = operatorCliWorld()
const { cli, withPassword, withPasswordProcess, json, server, signIn } = world
const siteA = world.sites.a
const siteB = world.sites.b

describe('porchlight operator create', { timeout: 120_000 }, () => {
  it('makes the first operator an admin and owner of every site, who can sign in', async () => {
    const created = await json<{ id: string; email: string; admin: boolean; roles: unknown[] }>(
      withPasswordProcess(
        'operator',
        'create',
        '--email',
        'Ann@Example.com',
        '--name',
        'Ann',
        '--json',
      ),
    )
    expect(created).toMatchObject({
      id: expect.stringMatching(/^op_/),
      email: 'ann@example.com',
      admin: true,
      roles: [
        { siteId: siteA.id, role: 'owner' },
        { siteId: siteB.id, role: 'owner' },
      ],
    })
    expect(created).not.toHaveProperty('passwordHash')
    // An owner without TOTP (the default policy): signed in, to set it up first.
    const signedIn = await signIn('ann@example.com')
    expect(signedIn.status).toBe(200)
    expect(signedIn.body).toMatchObject({ status: 'totp_setup_required' })
    const stored = await everyStoredValue((await server()).client)
    expect(stored.join('\n')).not.toContain(operatorPassword)
    expect(
      await rows(
        (await server()).client,
        "SELECT actor_type, actor_label FROM audit_log WHERE action = 'operator create'",
      ),
    ).toEqual([{ actor_type: 'cli', actor_label: 'command line' }])
  })

  it('gives later ones only what is asked, and lists them all', async () => {
    await withPassword('operator', 'create', '--email', 'ann@example.com', '--name', 'Ann')
    const human = await withPassword(
      'operator',
      'create',
      '--email',
      'ed@example.com',
      '--name',
      'Ed',
      '--site',
      siteB.id,
      '--role',
      'editor',
    )
    expect(human.code).toBe(0)
    expect(human.out.split('\n')).toEqual([
      expect.stringMatching(/^Created operator ed@example\.com \(op_[a-z2-7]+\)$/),
      `  editor of ${siteB.id}`,
      '  sign in at http://localhost:8787/console/',
    ])
    await withPassword(
      'operator',
      'create',
      '--email',
      'root@example.com',
      '--name',
      'Root',
      '--admin',
    )

    const listed = await json<Listed[]>(cli(['operator', 'list', '--json']))
    expect(
      listed.map((o) => [o.email, o.admin, o.sites.map((s) => `${s.role} of ${s.name}`)]),
    ).toEqual([
      ['ann@example.com', true, ['owner of Bakery', 'owner of Florist']],
      ['ed@example.com', false, ['editor of Florist']],
      ['root@example.com', true, []],
    ])
    const text = await cli(['operator', 'list'])
    expect(text.out.split('\n')[1]).toMatch(
      new RegExp(`^op_[a-z2-7]+  ed@example\\.com  "Ed"  totp: off  editor of ${siteB.id}$`),
    )
    const signedIn = await signIn('ed@example.com')
    expect(signedIn.body).toMatchObject({
      status: 'signed_in',
      operator: { email: 'ed@example.com' },
    })
  })

  it('refuses an email that has an operator already', async () => {
    await withPassword('operator', 'create', '--email', 'ann@example.com', '--name', 'Ann')
    const again = await withPassword(
      'operator',
      'create',
      '--email',
      'ANN@example.com',
      '--name',
      'Anne',
    )
    expect(again).toMatchObject({
      code: 1,
      err: 'OPERATOR_EXISTS: An operator with this email already exists.',
    })
    expect(await json<Listed[]>(cli(['operator', 'list', '--json']))).toHaveLength(1)
  })
})

describe('porchlight operator role', { timeout: 120_000 }, () => {
  it('gives a role on a site or changes it, and keeps each site’s last owner', async () => {
    await withPassword('operator', 'create', '--email', 'ann@example.com', '--name', 'Ann')
    await withPassword('operator', 'create', '--email', 'ed@example.com', '--name', 'Ed')
    const given = await cli([
      'operator',
      'role',
      '--email',
      'ed@example.com',
      '--site',
      siteA.id,
      '--role',
      'moderator',
    ])
    expect(given).toMatchObject({ code: 0, out: `ed@example.com is now moderator of ${siteA.id}` })
    const changed = await cli([
      'operator',
      'role',
      '--email',
      'ed@example.com',
      '--site',
      siteA.id,
      '--role',
      'owner',
    ])
    expect(changed.out).toBe(`ed@example.com is now owner of ${siteA.id} (was moderator)`)
    // Ann alone owns site B.
    const lastOwner = await cli([
      'operator',
      'role',
      '--email',
      'ann@example.com',
      '--site',
      siteB.id,
      '--role',
      'viewer',
    ])
    expect(lastOwner.code).toBe(1)
    expect(lastOwner.err).toMatch(/^LAST_OWNER: A site keeps at least one owner/)
    const unknown = await cli([
      'operator',
      'role',
      '--email',
      'nobody@example.com',
      '--site',
      siteA.id,
      '--role',
      'viewer',
    ])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toMatch(/^OPERATOR_NOT_FOUND: /)

    const listed = await json<Listed[]>(cli(['operator', 'list', '--json']))
    expect(listed.map((o) => o.sites.map((s) => `${s.role} of ${s.name}`))).toEqual([
      ['owner of Bakery', 'owner of Florist'],
      ['owner of Bakery'],
    ])
    expect(
      await rows(
        (await server()).client,
        "SELECT site_id, details FROM audit_log WHERE action = 'operator role'",
      ),
    ).toEqual([
      { site_id: siteA.id, details: '{"email":"ed@example.com","from":null,"to":"moderator"}' },
      { site_id: siteA.id, details: '{"email":"ed@example.com","from":"moderator","to":"owner"}' },
    ])
  })
})

describe('porchlight operator reset-totp', { timeout: 120_000 }, () => {
  it('turns a lost phone’s TOTP off and ends the sessions; the owner sets it up again', async () => {
    await withPassword('operator', 'create', '--email', 'ann@example.com', '--name', 'Ann')
    const { app: api } = await server()
    const first = await signIn('ann@example.com')
    const cookie = operatorCookieOf(first.res) ?? ''
    const post = (path: string, body: unknown) =>
      api.request(path, jsonRequest('POST', body, { Origin: consoleOrigin, Cookie: cookie }))
    const { secret } = (await (await post('/v1/operator/totp/setup', {})).json()) as {
      secret: string
    }
    const confirmed = await post('/v1/operator/totp/confirm', {
      code: totpCode(secret, Date.now()),
    })
    expect(confirmed.status).toBe(200)
    expect((await signIn('ann@example.com')).body).toMatchObject({ status: 'totp_required' })

    const reset = await cli(['operator', 'reset-totp', '--email', 'ann@example.com'])
    expect(reset).toMatchObject({
      code: 0,
      out: 'Two-factor sign-in of ann@example.com is off and their sessions have ended.\n  Where it is required they set it up again when they next sign in.',
    })
    const session = await api.request('/v1/operator/session', { headers: { Cookie: cookie } })
    expect(session.status).toBe(401)
    expect((await signIn('ann@example.com')).body).toMatchObject({ status: 'totp_setup_required' })
    expect(await rows((await server()).client, 'SELECT * FROM operator_recovery_codes')).toEqual([])
    const listed = await json<Listed[]>(cli(['operator', 'list', '--json']))
    expect(listed[0]?.totpEnabled).toBe(false)

    const unknown = await cli(['operator', 'reset-totp', '--email', 'nobody@example.com'])
    expect(unknown.code).toBe(1)
    expect(unknown.err).toMatch(/^OPERATOR_NOT_FOUND: /)
  })
})

describe('on a Worker’s D1 database (--d1)', { timeout: 120_000 }, () => {
  it('creates, lists, gives roles and resets TOTP there as on a file', async () => {
    const onD1 = [
      '--d1',
      '--config',
      join(repoRoot, 'wrangler.toml'),
      '--persist-to',
      join(world.dir(), 'state'),
    ]
    const env = { LOG_LEVEL: 'silent', PORCHLIGHT_PASSWORD: operatorPassword }
    const d1 = <T>(...argv: string[]) => runCliJson<T>([...argv, ...onD1], env)
    const site = await d1<{ id: string }>('site', 'create', '--name', 'Edge bakery')
    const ann = await d1<{ admin: boolean; roles: unknown[] }>(
      'operator',
      'create',
      '--email',
      'ann@example.com',
      '--name',
      'Ann',
    )
    expect(ann).toMatchObject({ admin: true, roles: [{ siteId: site.id, role: 'owner' }] })
    await d1('operator', 'create', '--email', 'ed@example.com', '--name', 'Ed')
    await d1('operator', 'role', '--email', 'ed@example.com', '--site', site.id, '--role', 'editor')
    await d1('operator', 'reset-totp', '--email', 'ed@example.com')
    const listed = await d1<Listed[]>('operator', 'list')
    expect(listed.map((o) => [o.email, o.admin, o.sites.map((s) => s.role)])).toEqual([
      ['ann@example.com', true, ['owner']],
      ['ed@example.com', false, ['editor']],
    ])
  })
})
