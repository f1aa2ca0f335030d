import { afterEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import {
  addOperator,
  asOperator,
  type ConsoleHarness,
  consolePost,
  createConsoleHarness,
  operatorCookieOf,
  operatorPassword,
  signInAs,
  totpCode,
} from '../../test/helpers/operators.ts'

// Two-factor sign-in from the operator's side: the restricted session of an owner who has not
// set it up, the setup with its QR code and recovery codes, and turning it off where allowed.

let h: ConsoleHarness
afterEach(() => h.close())

type Setup = { secret: string; uri: string; qrSvg: string }

async function startSetup(cookie: string): Promise<Setup> {
  const res = await consolePost(h, '/v1/operator/totp/setup', {}, cookie)
  expect(res.status).toBe(200)
  return (await res.json()) as Setup
}

async function confirm(cookie: string, code: string) {
  return consolePost(h, '/v1/operator/totp/confirm', { code }, cookie)
}

async function sessionOf(cookie: string) {
  return h.t.app.request('/v1/operator/session', { headers: { Cookie: cookie } })
}

describe('an owner without TOTP (OPERATOR_TOTP=required-for-owners, the default)', () => {
  it('gets a restricted session that may only set TOTP up, then a full one', async () => {
    h = await createConsoleHarness()
    await addOperator(h, { email: 'ann@example.com', roles: { [h.site.id]: 'owner' } })
    const res = await consolePost(h, '/v1/operator/sign-in', {
      email: 'ann@example.com',
      password: operatorPassword,
    })
    expect(await res.clone().json()).toMatchObject({
      status: 'totp_setup_required',
      operator: { totpEnabled: false, totpRequired: true },
    })
    const cookie = operatorCookieOf(res) ?? ''
    expect(cookie).not.toBe('')
    expect(await (await sessionOf(cookie)).json()).toMatchObject({ sites: [] })

    // Nothing else: not the owner API, not a new site.
    const owner = await asOperator(h, cookie, h.site.id, 'GET', '/v1/admin/site')
    expect(owner.status).toBe(403)
    expect(await owner.json()).toEqual(apiError('TOTP_SETUP_REQUIRED'))
    const newSite = await consolePost(h, '/v1/operator/sites', { name: 'More' }, cookie)
    expect(newSite.status).toBe(403)
    expect(await newSite.json()).toEqual(apiError('TOTP_SETUP_REQUIRED'))

    const setup = await startSetup(cookie)
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/)
    expect(setup.uri).toBe(
      `otpauth://totp/Porchlight%20(localhost%3A8787):ann%40example.com?issuer=Porchlight+%28localhost%3A8787%29&algorithm=SHA1&secret=${setup.secret}&period=30&digits=6`,
    )
    expect(setup.qrSvg).toMatch(/^<svg [^>]*viewBox=/)
    // Pending until confirmed: TOTP is not on yet.
    expect(await rows(h.t.client, 'SELECT totp_secret, totp_enabled_at FROM operators')).toEqual([
      { totp_secret: null, totp_enabled_at: null },
    ])

    const wrong = await confirm(cookie, '000000')
    expect(wrong.status).toBe(422)
    expect(await wrong.json()).toEqual(apiError('VALIDATION_FAILED', { code: expect.any(String) }))

    const right = await confirm(cookie, totpCode(setup.secret, h.clock.now()))
    expect(right.status).toBe(200)
    expect(((await right.json()) as { recoveryCodes: string[] }).recoveryCodes).toHaveLength(10)

    expect((await asOperator(h, cookie, h.site.id, 'GET', '/v1/admin/site')).status).toBe(200)
    expect(await (await sessionOf(cookie)).json()).toMatchObject({
      operator: { totpEnabled: true },
      sites: [{ id: h.site.id, role: 'owner' }],
    })
    // The next sign-in asks for a code.
    h.clock.advance(30_000)
    const next = await consolePost(h, '/v1/operator/sign-in', {
      email: 'ann@example.com',
      password: operatorPassword,
    })
    expect(await next.json()).toMatchObject({ status: 'totp_required' })
    expect(
      await rows(h.t.client, "SELECT summary FROM audit_log WHERE summary LIKE 'Turn%'"),
    ).toEqual([{ summary: 'Turn on two-factor sign-in' }])
  })

  it('ends the operator’s other sessions when TOTP is turned on', async () => {
    h = await createConsoleHarness({ env: { OPERATOR_TOTP: 'optional' } })
    const eve = await addOperator(h, { email: 'eve@example.com', roles: { [h.site.id]: 'editor' } })
    const laptop = await signInAs(h, eve)
    const phone = await signInAs(h, eve)
    const setup = await startSetup(laptop)
    expect((await confirm(laptop, totpCode(setup.secret, h.clock.now()))).status).toBe(200)
    expect((await sessionOf(laptop)).status).toBe(200)
    expect((await sessionOf(phone)).status).toBe(401)
  })

  it('restricts an editor made owner until they set TOTP up', async () => {
    h = await createConsoleHarness()
    const ann = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const eve = await addOperator(h, { email: 'eve@example.com', roles: { [h.site.id]: 'editor' } })
    const annCookie = await signInAs(h, ann)
    const eveCookie = await signInAs(h, eve)
    expect((await asOperator(h, eveCookie, h.site.id, 'GET', '/v1/admin/forms')).status).toBe(200)
    const promoted = await asOperator(
      h,
      annCookie,
      h.site.id,
      'PATCH',
      `/v1/admin/operators/${eve.id}`,
      {
        role: 'owner',
      },
    )
    expect(promoted.status).toBe(200)
    const now = await asOperator(h, eveCookie, h.site.id, 'GET', '/v1/admin/forms')
    expect(now.status).toBe(403)
    expect(await now.json()).toEqual(apiError('TOTP_SETUP_REQUIRED'))
  })

  it('keeps a key in force while a new setup is pending', async () => {
    h = await createConsoleHarness()
    const ann = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const cookie = await signInAs(h, ann)
    await startSetup(cookie)
    h.clock.advance(30_000)
    // Still the old key that signs in.
    expect((await signInAs(h, ann)).length).toBeGreaterThan(0)
  })
})

describe('OPERATOR_TOTP', () => {
  it('`required`: restricts every operator without TOTP', async () => {
    h = await createConsoleHarness({ env: { OPERATOR_TOTP: 'required' } })
    await addOperator(h, { email: 'vic@example.com', roles: { [h.site.id]: 'viewer' } })
    const res = await consolePost(h, '/v1/operator/sign-in', {
      email: 'vic@example.com',
      password: operatorPassword,
    })
    expect(await res.json()).toMatchObject({ status: 'totp_setup_required' })
  })

  it('`optional`: lets an owner without TOTP in', async () => {
    h = await createConsoleHarness({ env: { OPERATOR_TOTP: 'optional' } })
    await addOperator(h, { email: 'ann@example.com', roles: { [h.site.id]: 'owner' }, admin: true })
    const res = await consolePost(h, '/v1/operator/sign-in', {
      email: 'ann@example.com',
      password: operatorPassword,
    })
    expect(await res.json()).toMatchObject({
      status: 'signed_in',
      operator: { totpRequired: false },
    })
  })

  it('`required-for-owners`: counts a deployment admin without a site as an owner', async () => {
    h = await createConsoleHarness()
    await addOperator(h, { email: 'root@example.com', admin: true })
    const res = await consolePost(h, '/v1/operator/sign-in', {
      email: 'root@example.com',
      password: operatorPassword,
    })
    expect(await res.json()).toMatchObject({ status: 'totp_setup_required' })
  })
})

describe('turning TOTP off and new recovery codes', () => {
  it('refuses to turn it off where it is required', async () => {
    h = await createConsoleHarness()
    const ann = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const cookie = await signInAs(h, ann)
    const res = await h.t.app.request('/v1/operator/totp', {
      method: 'DELETE',
      headers: { Cookie: cookie, Origin: 'http://localhost', 'Content-Type': 'application/json' },
      body: JSON.stringify({ password: operatorPassword }),
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('TOTP_REQUIRED'))
    expect(
      await rows(h.t.client, 'SELECT totp_enabled_at IS NOT NULL AS on_ FROM operators'),
    ).toEqual([{ on_: 1 }])
  })

  it('turns it off for an editor after the password, and their recovery codes with it', async () => {
    h = await createConsoleHarness()
    const eve = await addOperator(h, {
      email: 'eve@example.com',
      roles: { [h.site.id]: 'editor' },
      totp: true,
    })
    const cookie = await signInAs(h, eve)
    const off = (password: string) =>
      h.t.app.request('/v1/operator/totp', {
        method: 'DELETE',
        headers: { Cookie: cookie, Origin: 'http://localhost', 'Content-Type': 'application/json' },
        body: JSON.stringify({ password }),
      })
    const wrong = await off('not my password')
    expect(wrong.status).toBe(403)
    expect(await wrong.json()).toEqual(apiError('INVALID_PASSWORD'))
    expect((await off(operatorPassword)).status).toBe(204)
    expect(await rows(h.t.client, 'SELECT totp_secret, totp_enabled_at FROM operators')).toEqual([
      { totp_secret: null, totp_enabled_at: null },
    ])
    const again = await consolePost(h, '/v1/operator/sign-in', {
      email: 'eve@example.com',
      password: operatorPassword,
    })
    expect(await again.json()).toMatchObject({ status: 'signed_in' })
    expect(
      await rows(h.t.client, "SELECT action, summary FROM audit_log WHERE action LIKE 'DELETE%'"),
    ).toEqual([{ action: 'DELETE /v1/operator/totp', summary: 'Turn off two-factor sign-in' }])
  })

  it('makes new recovery codes after the password; the old ones stop working', async () => {
    h = await createConsoleHarness({ env: { OPERATOR_TOTP: 'optional' } })
    const eve = await addOperator(h, { email: 'eve@example.com', roles: { [h.site.id]: 'editor' } })
    const cookie = await signInAs(h, eve)
    const setup = await startSetup(cookie)
    const { recoveryCodes: old } = (await (
      await confirm(cookie, totpCode(setup.secret, h.clock.now()))
    ).json()) as { recoveryCodes: string[] }

    const refused = await consolePost(
      h,
      '/v1/operator/recovery-codes',
      { password: 'nope' },
      cookie,
    )
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual(apiError('INVALID_PASSWORD'))
    const made = await consolePost(
      h,
      '/v1/operator/recovery-codes',
      { password: operatorPassword },
      cookie,
    )
    expect(made.status).toBe(200)
    const { recoveryCodes: fresh } = (await made.json()) as { recoveryCodes: string[] }
    expect(fresh).toHaveLength(10)
    expect(fresh.some((code) => old.includes(code))).toBe(false)

    const tryCode = async (recoveryCode: string) => {
      const first = await consolePost(h, '/v1/operator/sign-in', {
        email: 'eve@example.com',
        password: operatorPassword,
      })
      const { challenge } = (await first.json()) as { challenge: string }
      return (await consolePost(h, '/v1/operator/sign-in/totp', { challenge, recoveryCode })).status
    }
    expect(await tryCode(old[0] ?? '')).toBe(401)
    expect(await tryCode(fresh[0] ?? '')).toBe(200)
  })

  it('has nothing to confirm before a setup was started', async () => {
    h = await createConsoleHarness({ env: { OPERATOR_TOTP: 'optional' } })
    const eve = await addOperator(h, { email: 'eve@example.com', roles: { [h.site.id]: 'editor' } })
    const cookie = await signInAs(h, eve)
    const res = await confirm(cookie, '123456')
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('TOTP_SETUP_NOT_STARTED'))
  })
})
