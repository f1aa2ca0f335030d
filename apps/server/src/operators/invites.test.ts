import { afterEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import {
  addOperator,
  asOperator,
  type ConsoleHarness,
  consolePost,
  createConsoleHarness,
  operatorCookieOf,
  signInAs,
  type TestOperator,
} from '../../test/helpers/operators.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../test/helpers/smtp.ts'
import { createSmtpTransport, type SmtpTransport } from '../mail/smtp.ts'

// Invites from an owner to a new or existing operator: the email goes out through the outbox to
// a real SMTP server, its link is looked up and accepted, and spent, expired, withdrawn and
// unknown links all answer alike.

let h: ConsoleHarness
let smtp: TestSmtpServer | undefined
let mail: SmtpTransport | undefined
afterEach(async () => {
  await h.close()
  await mail?.close()
  await smtp?.close()
  mail = undefined
  smtp = undefined
})

const newPassword = 'my own long console passphrase'

async function ownerSignedIn(): Promise<{ owner: TestOperator; cookie: string }> {
  const owner = await addOperator(h, {
    email: 'ann@example.com',
    name: 'Ann Owner',
    roles: { [h.site.id]: 'owner' },
    totp: true,
  })
  return { owner, cookie: await signInAs(h, owner) }
}

async function invite(cookie: string, email: string, role: string) {
  return asOperator(h, cookie, h.site.id, 'POST', '/v1/admin/operator-invites', { email, role })
}

/** The token of the last invite link queued for `email`. */
async function queuedToken(email: string): Promise<string> {
  const [row] = await rows(
    h.t.client,
    "SELECT payload FROM outbox WHERE kind = 'email' AND payload LIKE ? ORDER BY rowid DESC LIMIT 1",
    `%${email}%`,
  )
  const token = /\/console\/invite\/([a-z2-7]{32}\.[a-z2-7]{32})/.exec(String(row?.payload))?.[1]
  if (!token) throw new Error(`no invite mail for ${email}`)
  return token
}

describe('an invite to someone new', () => {
  it('arrives by email, shows what it is for, and makes an account that is signed in', async () => {
    smtp = await startTestSmtpServer()
    mail = createSmtpTransport({ url: smtp.url, timeoutMs: 2000, sendTimeoutMs: 5000 })
    h = await createConsoleHarness({
      mail,
      handlers: undefined,
      env: { PUBLIC_URL: 'http://localhost:8787' },
    })
    const { cookie } = await ownerSignedIn()
    const sent = await invite(cookie, 'Eve@Example.com', 'editor')
    expect(sent.status).toBe(201)
    expect(await sent.json()).toMatchObject({
      email: 'eve@example.com',
      role: 'editor',
      invitedBy: 'Ann Owner',
    })
    await h.t.deps.outbox.kick()
    const [message] = await smtp.waitForMessages(1)
    expect(message?.recipients).toEqual(['eve@example.com'])
    expect(message?.headers.get('subject')).toBe('You are invited to manage Site A')
    const text = message?.parts.get('text/plain') ?? ''
    expect(text).toContain('Ann Owner invited you')
    const token = /http:\/\/localhost:8787\/console\/invite\/([a-z2-7]{32}\.[a-z2-7]{32})/.exec(
      text,
    )?.[1]
    expect(token).toBeDefined()
    // Only a hash of the token is stored.
    expect(JSON.stringify(await rows(h.t.client, 'SELECT * FROM operator_invites'))).not.toContain(
      token?.split('.')[1],
    )

    const shown = await h.t.app.request(`/v1/operator/invites/${token}`)
    expect(shown.status).toBe(200)
    expect(await shown.json()).toEqual({
      email: 'eve@example.com',
      siteName: 'Site A',
      role: 'editor',
      invitedBy: 'Ann Owner',
    })

    const accepted = await consolePost(h, '/v1/operator/invites/accept', {
      token,
      name: 'Eve Editor',
      password: newPassword,
    })
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toMatchObject({
      status: 'signed_in',
      operator: { email: 'eve@example.com', name: 'Eve Editor', totpRequired: false },
    })
    const eveCookie = operatorCookieOf(accepted) ?? ''
    const session = await h.t.app.request('/v1/operator/session', {
      headers: { Cookie: eveCookie },
    })
    expect(await session.json()).toMatchObject({
      sites: [{ id: h.site.id, name: 'Site A', role: 'editor' }],
    })
    // An editor: forms yes, the site's name no.
    expect((await asOperator(h, eveCookie, h.site.id, 'GET', '/v1/admin/forms')).status).toBe(200)
    const rename = await asOperator(h, eveCookie, h.site.id, 'PATCH', '/v1/admin/site', {
      name: 'Mine',
    })
    expect(rename.status).toBe(403)
    expect(await rename.json()).toEqual(apiError('ROLE_FORBIDDEN', {}))

    // Spent: the link works once.
    const twice = await h.t.app.request(`/v1/operator/invites/${token}`)
    expect(twice.status).toBe(404)
    expect(await twice.json()).toEqual(apiError('INVITE_NOT_FOUND'))
  })

  it('makes an invited owner set TOTP up first', async () => {
    h = await createConsoleHarness()
    const { cookie } = await ownerSignedIn()
    await invite(cookie, 'bob@example.com', 'owner')
    const accepted = await consolePost(h, '/v1/operator/invites/accept', {
      token: await queuedToken('bob@example.com'),
      name: 'Bob',
      password: newPassword,
    })
    expect(await accepted.json()).toMatchObject({ status: 'totp_setup_required' })
  })

  it('refuses a weak password, or none, and spends nothing', async () => {
    h = await createConsoleHarness()
    const { cookie } = await ownerSignedIn()
    await invite(cookie, 'eve@example.com', 'viewer')
    const token = await queuedToken('eve@example.com')
    const short = await consolePost(h, '/v1/operator/invites/accept', {
      token,
      name: 'Eve',
      password: 'short one',
    })
    expect(short.status).toBe(422)
    expect(await short.json()).toEqual(
      apiError('VALIDATION_FAILED', { password: expect.any(String) }),
    )
    const none = await consolePost(h, '/v1/operator/invites/accept', { token })
    expect(none.status).toBe(422)
    expect(await none.json()).toEqual(
      apiError('VALIDATION_FAILED', { name: expect.any(String), password: expect.any(String) }),
    )
    expect((await h.t.app.request(`/v1/operator/invites/${token}`)).status).toBe(200)
  })
})

describe('links that no longer work', () => {
  it('answers expired, used, withdrawn and unknown links alike', async () => {
    h = await createConsoleHarness()
    const { cookie } = await ownerSignedIn()
    await invite(cookie, 'used@example.com', 'viewer')
    const used = await queuedToken('used@example.com')
    await consolePost(h, '/v1/operator/invites/accept', {
      token: used,
      name: 'U',
      password: newPassword,
    })

    const withdrawnInvite = await invite(cookie, 'gone@example.com', 'viewer')
    const withdrawn = await queuedToken('gone@example.com')
    const { id } = (await withdrawnInvite.json()) as { id: string }
    expect(
      (await asOperator(h, cookie, h.site.id, 'DELETE', `/v1/admin/operator-invites/${id}`)).status,
    ).toBe(204)

    await invite(cookie, 'late@example.com', 'viewer')
    const expired = await queuedToken('late@example.com')
    await invite(cookie, 'soon@example.com', 'viewer')
    const fresh = await queuedToken('soon@example.com')
    h.clock.advance(7 * 24 * 3_600_000 - 1)
    expect((await h.t.app.request(`/v1/operator/invites/${fresh}`)).status).toBe(200)
    h.clock.advance(1)

    const unknown = `${'a'.repeat(32)}.${'b'.repeat(32)}`
    for (const token of [used, withdrawn, expired, unknown, 'not-a-token']) {
      const shown = await h.t.app.request(`/v1/operator/invites/${encodeURIComponent(token)}`)
      expect(shown.status).toBe(404)
      expect(await shown.json()).toEqual(apiError('INVITE_NOT_FOUND'))
      const accept = await consolePost(h, '/v1/operator/invites/accept', {
        token,
        name: 'Someone',
        password: newPassword,
      })
      expect(accept.status).toBe(404)
      expect(await accept.json()).toEqual(apiError('INVITE_NOT_FOUND'))
    }
    expect(await rows(h.t.client, 'SELECT email FROM operators ORDER BY email')).toEqual([
      { email: 'ann@example.com' },
      { email: 'used@example.com' },
    ])
  })

  it('replaces an open invite with a new one to the same address', async () => {
    h = await createConsoleHarness()
    const { cookie } = await ownerSignedIn()
    await invite(cookie, 'eve@example.com', 'viewer')
    const first = await queuedToken('eve@example.com')
    await invite(cookie, 'eve@example.com', 'editor')
    const second = await queuedToken('eve@example.com')
    expect((await h.t.app.request(`/v1/operator/invites/${first}`)).status).toBe(404)
    expect(await (await h.t.app.request(`/v1/operator/invites/${second}`)).json()).toMatchObject({
      role: 'editor',
    })
  })
})

describe('an invite to an existing operator', () => {
  it('is accepted signed in with the token alone, and never signs anyone in by itself', async () => {
    h = await createConsoleHarness()
    const { cookie } = await ownerSignedIn()
    const eve = await addOperator(h, { email: 'eve@example.com' })
    const mallory = await addOperator(h, { email: 'mallory@example.com' })
    await invite(cookie, 'eve@example.com', 'moderator')
    const token = await queuedToken('eve@example.com')

    const anonymous = await consolePost(h, '/v1/operator/invites/accept', {
      token,
      name: 'Eve',
      password: newPassword,
    })
    expect(anonymous.status).toBe(409)
    expect(await anonymous.json()).toEqual(apiError('SIGN_IN_TO_ACCEPT'))
    expect(operatorCookieOf(anonymous)).toBeNull()

    const asMallory = await consolePost(
      h,
      '/v1/operator/invites/accept',
      { token },
      await signInAs(h, mallory),
    )
    expect(asMallory.status).toBe(403)
    expect(await asMallory.json()).toEqual(apiError('INVITE_FOR_ANOTHER_EMAIL'))

    const eveCookie = await signInAs(h, eve)
    const accepted = await consolePost(h, '/v1/operator/invites/accept', { token }, eveCookie)
    expect(accepted.status).toBe(200)
    expect(await accepted.json()).toMatchObject({ status: 'signed_in', operator: { id: eve.id } })
    expect((await asOperator(h, eveCookie, h.site.id, 'GET', '/v1/admin/submissions')).status).toBe(
      200,
    )
    expect(
      await rows(h.t.client, 'SELECT role FROM operator_sites WHERE operator_id = ?', eve.id),
    ).toEqual([{ role: 'moderator' }])
  })

  it('is refused for someone who already works on the site', async () => {
    h = await createConsoleHarness()
    const { cookie } = await ownerSignedIn()
    await addOperator(h, { email: 'eve@example.com', roles: { [h.site.id]: 'viewer' } })
    const res = await invite(cookie, 'EVE@example.com', 'editor')
    expect(res.status).toBe(409)
    expect(await res.json()).toEqual(apiError('ALREADY_OPERATOR'))
    expect(await rows(h.t.client, 'SELECT * FROM operator_invites')).toEqual([])
  })
})

it('sends at most 20 invites an hour from one site', async () => {
  h = await createConsoleHarness()
  const { cookie } = await ownerSignedIn()
  for (let i = 0; i < 20; i++) {
    expect((await invite(cookie, `person${i}@example.com`, 'viewer')).status).toBe(201)
  }
  const res = await invite(cookie, 'one-more@example.com', 'viewer')
  expect(res.status).toBe(429)
  expect(await res.json()).toEqual(apiError('RATE_LIMITED'))
})
