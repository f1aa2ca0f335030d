import { afterEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import {
  addOperator,
  asOperator,
  type ConsoleHarness,
  consoleOrigin,
  consolePost,
  createConsoleHarness,
  operatorCookieOf,
  operatorPassword,
  signInAs,
  totpCode,
} from '../../test/helpers/operators.ts'

// Operators sign in with email and password, then a TOTP code when they have one; each answer
// is checked as the console sees it (status, body, the cookie) and as stored (sessions, the
// audit log).

let h: ConsoleHarness
afterEach(() => h.close())

async function signIn(email: string, password = operatorPassword) {
  return consolePost(h, '/v1/operator/sign-in', { email, password })
}

async function session(cookie: string | undefined) {
  return h.t.app.request('/v1/operator/session', { headers: cookie ? { Cookie: cookie } : {} })
}

describe('without TOTP', () => {
  it('signs in with a HttpOnly, SameSite=Strict cookie and shows the operator and their sites', async () => {
    h = await createConsoleHarness()
    const editor = await addOperator(h, {
      email: 'Eve@Example.com',
      name: 'Eve',
      roles: { [h.site.id]: 'editor' },
    })
    const res = await signIn('  EVE@example.COM ')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({
      status: 'signed_in',
      operator: {
        id: editor.id,
        email: 'eve@example.com',
        name: 'Eve',
        admin: false,
        totpEnabled: false,
        totpRequired: false,
      },
    })
    const setCookie = res.headers.getSetCookie().join('\n')
    expect(setCookie).toMatch(/^porchlight_operator=[a-z2-7]{32}\.[a-z2-7]{32};/)
    expect(setCookie).toMatch(/HttpOnly/)
    expect(setCookie).toMatch(/SameSite=Strict/)
    expect(setCookie).toMatch(/Path=\//)

    const cookie = operatorCookieOf(res) ?? ''
    const me = await session(cookie)
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({
      operator: { id: editor.id },
      sites: [{ id: h.site.id, name: 'Site A', role: 'editor' }],
    })
    expect(await rows(h.t.client, 'SELECT operator_id, ip FROM operator_sessions')).toEqual([
      { operator_id: editor.id, ip: '203.0.113.9' },
    ])
  })

  it('answers a wrong password and an unknown email alike, with no cookie, and logs both', async () => {
    h = await createConsoleHarness()
    await addOperator(h, { email: 'eve@example.com', roles: { [h.site.id]: 'viewer' } })
    const wrong = await signIn('eve@example.com', 'not the password at all')
    const unknown = await signIn('nobody@example.com', 'not the password at all')
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401)
      expect(await res.json()).toEqual(apiError('INVALID_CREDENTIALS'))
      expect(operatorCookieOf(res)).toBeNull()
    }
    expect(
      await rows(
        h.t.client,
        'SELECT actor_label, action, summary, details FROM audit_log ORDER BY created_at, rowid',
      ),
    ).toEqual([
      {
        actor_label: 'eve@example.com',
        action: 'POST /v1/operator/sign-in',
        summary: 'Sign-in failed',
        details: '{"reason":"wrong_password"}',
      },
      {
        // The typed address of an unknown email is not kept (people type passwords there).
        actor_label: 'unknown email',
        action: 'POST /v1/operator/sign-in',
        summary: 'Sign-in failed',
        details: '{"reason":"unknown_email"}',
      },
    ])
    expect(await rows(h.t.client, 'SELECT * FROM operator_sessions')).toEqual([])
  })

  it('ends the session on sign-out and clears the cookie', async () => {
    h = await createConsoleHarness()
    const viewer = await addOperator(h, {
      email: 'vic@example.com',
      roles: { [h.site.id]: 'viewer' },
    })
    const cookie = await signInAs(h, viewer)
    const out = await consolePost(h, '/v1/operator/sign-out', {}, cookie)
    expect(out.status).toBe(204)
    expect(out.headers.getSetCookie().join()).toMatch(/porchlight_operator=;.*Max-Age=0/)
    expect(await rows(h.t.client, 'SELECT * FROM operator_sessions')).toEqual([])
    const after = await session(cookie)
    expect(after.status).toBe(401)
    expect(await after.json()).toEqual(apiError('SIGN_IN_REQUIRED'))
  })

  it('ends a session 12 hours after its last use, and 7 days after sign-in however busy', async () => {
    h = await createConsoleHarness()
    const viewer = await addOperator(h, {
      email: 'vic@example.com',
      roles: { [h.site.id]: 'viewer' },
    })
    const idle = await signInAs(h, viewer)
    h.clock.advance(11 * 3_600_000)
    expect((await session(idle)).status).toBe(200)
    h.clock.advance(11 * 3_600_000)
    expect((await session(idle)).status).toBe(200)
    h.clock.advance(12 * 3_600_000 + 1)
    const ended = await session(idle)
    expect(ended.status).toBe(401)
    expect(ended.headers.getSetCookie().join()).toMatch(/porchlight_operator=;/)

    const busy = await signInAs(h, viewer)
    for (let hours = 6; hours < 7 * 24; hours += 6) {
      h.clock.advance(6 * 3_600_000)
      expect((await session(busy)).status).toBe(200)
    }
    h.clock.advance(6 * 3_600_000)
    expect((await session(busy)).status).toBe(401)
  })
})

describe('with TOTP', () => {
  it('asks for a code, then signs in with the authenticator’s current code', async () => {
    h = await createConsoleHarness()
    const owner = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const first = await signIn('ann@example.com')
    expect(first.status).toBe(200)
    const { status, challenge } = (await first.json()) as { status: string; challenge: string }
    expect(status).toBe('totp_required')
    expect(challenge).toMatch(/^[a-z2-7]{32}\.[a-z2-7]{32}$/)
    // No session until the code: the password alone opens nothing.
    expect(operatorCookieOf(first)).toBeNull()
    expect(await rows(h.t.client, 'SELECT * FROM operator_sessions')).toEqual([])

    const code = totpCode(owner.totpSecret ?? '', h.clock.now())
    const second = await consolePost(h, '/v1/operator/sign-in/totp', { challenge, code })
    expect(second.status).toBe(200)
    expect(await second.json()).toMatchObject({
      status: 'signed_in',
      operator: { id: owner.id, totpEnabled: true, totpRequired: true },
    })
    const cookie = operatorCookieOf(second) ?? ''
    expect((await asOperator(h, cookie, h.site.id, 'GET', '/v1/admin/site')).status).toBe(200)
    // The challenge is spent: it cannot start a second session.
    const again = await consolePost(h, '/v1/operator/sign-in/totp', { challenge, code })
    expect(await again.json()).toEqual(apiError('INVALID_TOTP_CODE'))
  })

  it('accepts a code from a step either side of now, and never the same code twice', async () => {
    h = await createConsoleHarness()
    const owner = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const secret = owner.totpSecret ?? ''
    const challengeFor = async () =>
      ((await (await signIn('ann@example.com')).json()) as { challenge: string }).challenge

    // A phone 30 s behind the server.
    const behind = totpCode(secret, h.clock.now() - 30_000)
    const ok = await consolePost(h, '/v1/operator/sign-in/totp', {
      challenge: await challengeFor(),
      code: behind,
    })
    expect(ok.status).toBe(200)
    // The same code again (seen over a shoulder), with a fresh challenge: refused.
    const replay = await consolePost(h, '/v1/operator/sign-in/totp', {
      challenge: await challengeFor(),
      code: behind,
    })
    expect(replay.status).toBe(401)
    expect(await replay.json()).toEqual(apiError('INVALID_TOTP_CODE'))
    // A code two steps old: refused.
    h.clock.advance(90_000)
    const stale = await consolePost(h, '/v1/operator/sign-in/totp', {
      challenge: await challengeFor(),
      code: totpCode(secret, h.clock.now() - 60_000),
    })
    expect(stale.status).toBe(401)
  })

  it('spends a challenge after 5 wrong codes, and after 5 minutes', async () => {
    h = await createConsoleHarness()
    const owner = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const { challenge } = (await (await signIn('ann@example.com')).json()) as { challenge: string }
    for (const wrong of ['000000', '111111', '222222', '333333', '444444']) {
      const res = await consolePost(h, '/v1/operator/sign-in/totp', { challenge, code: wrong })
      expect(res.status).toBe(401)
    }
    const right = totpCode(owner.totpSecret ?? '', h.clock.now())
    const late = await consolePost(h, '/v1/operator/sign-in/totp', { challenge, code: right })
    expect(late.status).toBe(401)
    expect(await late.json()).toEqual(apiError('INVALID_TOTP_CODE'))

    h.clock.advance(30_000)
    const fresh = (await (await signIn('ann@example.com')).json()) as { challenge: string }
    h.clock.advance(5 * 60_000)
    const expired = await consolePost(h, '/v1/operator/sign-in/totp', {
      challenge: fresh.challenge,
      code: totpCode(owner.totpSecret ?? '', h.clock.now()),
    })
    expect(expired.status).toBe(401)
    expect(
      await rows(
        h.t.client,
        "SELECT count(*) AS n FROM audit_log WHERE summary LIKE '%wrong two-factor%'",
      ),
    ).toEqual([{ n: 5 }])
  })
})

describe('throttling', () => {
  it('makes a sixth wrong password from one address wait, even with the right password', async () => {
    h = await createConsoleHarness()
    await addOperator(h, { email: 'eve@example.com', roles: { [h.site.id]: 'viewer' } })
    for (let i = 0; i < 5; i++)
      expect((await signIn('eve@example.com', 'wrong guess!')).status).toBe(401)
    const waiting = await signIn('eve@example.com')
    expect(waiting.status).toBe(429)
    expect(await waiting.json()).toEqual(apiError('RATE_LIMITED'))
    expect(waiting.headers.get('Retry-After')).toBe('1')
    h.clock.advance(1000)
    expect((await signIn('eve@example.com')).status).toBe(200)
  })

  it('counts wrong TOTP codes per operator across challenges', async () => {
    h = await createConsoleHarness()
    const owner = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    for (let i = 0; i < 5; i++) {
      const { challenge } = (await (await signIn('ann@example.com')).json()) as {
        challenge: string
      }
      const res = await consolePost(h, '/v1/operator/sign-in/totp', { challenge, code: '999999' })
      expect(res.status).toBe(401)
    }
    const { challenge } = (await (await signIn('ann@example.com')).json()) as { challenge: string }
    const code = totpCode(owner.totpSecret ?? '', h.clock.now())
    const waiting = await consolePost(h, '/v1/operator/sign-in/totp', { challenge, code })
    expect(waiting.status).toBe(429)
    expect(Number(waiting.headers.get('Retry-After'))).toBeGreaterThan(0)
  })
})

describe('recovery codes', () => {
  it('sign in once each, in place of the code', async () => {
    h = await createConsoleHarness({ env: { OPERATOR_TOTP: 'optional' } })
    const eve = await addOperator(h, { email: 'eve@example.com', roles: { [h.site.id]: 'editor' } })
    const cookie = await signInAs(h, eve)
    const setup = (await (await consolePost(h, '/v1/operator/totp/setup', {}, cookie)).json()) as {
      secret: string
    }
    const confirmed = await consolePost(
      h,
      '/v1/operator/totp/confirm',
      { code: totpCode(setup.secret, h.clock.now()) },
      cookie,
    )
    const { recoveryCodes } = (await confirmed.json()) as { recoveryCodes: string[] }
    expect(recoveryCodes).toHaveLength(10)
    expect(new Set(recoveryCodes).size).toBe(10)
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{4}(-[a-z2-7]{4}){3}$/)
    // Stored hashed: no code appears as typed anywhere in the table.
    const stored = await rows(h.t.client, 'SELECT code_hash FROM operator_recovery_codes')
    expect(stored).toHaveLength(10)
    for (const code of recoveryCodes) expect(JSON.stringify(stored)).not.toContain(code)

    const useCode = async (recoveryCode: string) => {
      const { challenge } = (await (await signIn('eve@example.com')).json()) as {
        challenge: string
      }
      return consolePost(h, '/v1/operator/sign-in/totp', { challenge, recoveryCode })
    }
    const code = recoveryCodes[3] ?? ''
    // Typed in capitals without dashes: still the code.
    const first = await useCode(code.replaceAll('-', '').toUpperCase())
    expect(first.status).toBe(200)
    expect(operatorCookieOf(first)).not.toBeNull()
    const second = await useCode(code)
    expect(second.status).toBe(401)
    expect(await second.json()).toEqual(apiError('INVALID_TOTP_CODE'))
    expect(
      await rows(
        h.t.client,
        'SELECT details FROM audit_log WHERE summary = ? ORDER BY rowid DESC LIMIT 1',
        'Signed in',
      ),
    ).toEqual([{ details: '{"secondFactor":"recovery_code","recoveryCodesLeft":9}' }])
  })
})

describe('cross-site requests', () => {
  it('refuses a change with the cookie from another origin, or with no Origin at all', async () => {
    h = await createConsoleHarness()
    const owner = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const cookie = await signInAs(h, owner)
    for (const origin of ['https://evil.example', undefined]) {
      const headers: Record<string, string> = {
        Cookie: cookie,
        'Content-Type': 'application/json',
        'X-Porchlight-Site': h.site.id,
        ...(origin && { Origin: origin }),
      }
      const rename = await h.t.app.request('/v1/admin/site', {
        method: 'PATCH',
        headers,
        body: JSON.stringify({ name: 'Pwned' }),
      })
      expect(rename.status).toBe(403)
      expect(await rename.json()).toEqual(apiError('CROSS_SITE_REQUEST'))
      const out = await h.t.app.request('/v1/operator/sign-out', { method: 'POST', headers })
      expect(out.status).toBe(403)
    }
    expect(await rows(h.t.client, 'SELECT name FROM sites')).toEqual([{ name: 'Site A' }])
    expect(await rows(h.t.client, 'SELECT count(*) AS n FROM operator_sessions')).toEqual([
      { n: 1 },
    ])
    // The console's own origin may.
    const own = await asOperator(h, cookie, h.site.id, 'PATCH', '/v1/admin/site', { name: 'Mine' })
    expect(own.status).toBe(204)
    expect(consoleOrigin).toBe('http://localhost')
  })

  it('refuses a sign-in posted from another origin (login CSRF)', async () => {
    h = await createConsoleHarness()
    await addOperator(h, { email: 'eve@example.com', roles: { [h.site.id]: 'viewer' } })
    const res = await h.t.app.request('/v1/operator/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: 'https://evil.example' },
      body: JSON.stringify({ email: 'eve@example.com', password: operatorPassword }),
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual(apiError('CROSS_SITE_REQUEST'))
    expect(operatorCookieOf(res)).toBeNull()
  })

  it('grants no CORS access to the console’s routes or the owner API', async () => {
    h = await createConsoleHarness()
    for (const path of ['/v1/operator/sign-in', '/v1/admin/site']) {
      const preflight = await h.t.app.request(path, {
        method: 'OPTIONS',
        headers: {
          Origin: 'https://site.example',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': 'content-type, x-porchlight-site',
        },
      })
      expect(preflight.headers.get('Access-Control-Allow-Origin')).toBeNull()
    }
  })
})
