// Sign-in links and two-factor sign-in through the SDK, against the real server on a socket
// (test/real-server.ts): the link from the email the server sent, and codes made as an
// authenticator app makes them from the key the SDK was shown.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { totpCode } from '../../../apps/server/test/helpers/operators.ts'
import { failure } from '../test/failure.ts'
import { type RealServer, startRealServer } from '../test/real-server.ts'
import { type MembersScene, memberPassword as password } from '../test/scene.ts'
import { createAuth } from './auth.ts'
import { memoryStorage } from './storage.ts'

let real: RealServer
let server: MembersScene

beforeAll(async () => {
  real = await startRealServer()
}, 60_000)
afterAll(() => real?.close())
afterEach(() => server.close())

/** A browser of the member's, with storage of its own; or a tab of one (its storage given). */
function browser(storage = memoryStorage()) {
  return createAuth({ url: server.url, key: server.key, storage })
}

describe('sign-in links', () => {
  it('signs in with the emailed link in the browser that asked, not in another', async () => {
    server = await real.membersScene({ authSettings: { emailLinkSignIn: true } })
    await server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
    const laptop = browser()
    expect(await laptop.methods()).toEqual({
      password: true,
      emailLink: true,
      totp: 'optional',
      passkeys: false,
      providers: [],
    })
    expect(await laptop.sendSignInLink('ada@example.com')).toEqual({ status: 'link_sent' })
    const mail = await server.lastMail('ada@example.com')
    expect(mail?.action).toBe('sign-in')
    const link = laptop.handleEmailLink(mail?.url)
    expect(link).toEqual({ action: 'sign-in', token: mail?.token })

    const phone = browser()
    expect(await failure(phone.signInWithLink(link?.token ?? ''))).toMatchObject({
      status: 403,
      code: 'SIGN_IN_LINK_OTHER_BROWSER',
    })
    expect(phone.user).toBeNull()

    const account = await laptop.signInWithLink(link?.token ?? '')
    expect(account).toMatchObject({ email: 'ada@example.com', emailVerified: true })
    expect(laptop.user?.email).toBe('ada@example.com')
  })

  // Regression: every link asked for replaced the key kept for the last one, so of two links
  // asked for in two tabs of one browser, the first answered SIGN_IN_LINK_OTHER_BROWSER.
  it('signs in with links asked for in two tabs of one browser, each opened in a new tab', async () => {
    server = await real.membersScene({ authSettings: { emailLinkSignIn: true } })
    // Two members sharing a computer: each link signs its member in (links of one member go
    // together: the first one used spends the others).
    await server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
    await server.addMember({ email: 'bo@example.com', displayName: 'Bo' })
    const storage = memoryStorage()
    await browser(storage).sendSignInLink('ada@example.com')
    await browser(storage).sendSignInLink('bo@example.com')
    const links = [
      await server.lastMail('ada@example.com'),
      await server.lastMail('bo@example.com'),
    ]

    // Another browser, with a key of its own from a link it asked for, opens neither.
    const phone = browser()
    await phone.sendSignInLink('ada@example.com')
    for (const mail of links) {
      expect(await failure(phone.signInWithLink(mail?.token ?? ''))).toMatchObject({
        status: 403,
        code: 'SIGN_IN_LINK_OTHER_BROWSER',
      })
    }
    expect(phone.user).toBeNull()

    for (const mail of links) {
      const tab = browser(storage)
      expect(await tab.signInWithLink(mail?.token ?? '')).toMatchObject({ email: mail?.to })
      expect(tab.user?.email).toBe(mail?.to)
    }
  })

  // The same bug, for one member asking twice: the first link is the one that failed.
  it('signs in with the first of two links asked for in two tabs', async () => {
    server = await real.membersScene({ authSettings: { emailLinkSignIn: true } })
    await server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
    const storage = memoryStorage()
    await browser(storage).sendSignInLink('ada@example.com')
    const first = await server.lastMail('ada@example.com')
    await browser(storage).sendSignInLink('ada@example.com')
    const second = await server.lastMail('ada@example.com')
    expect(second?.token).not.toBe(first?.token)

    const tab = browser(storage)
    expect(await tab.signInWithLink(first?.token ?? '')).toMatchObject({
      email: 'ada@example.com',
    })
    // Spent with it, as a member's other links are once one signs in.
    expect(await failure(browser(storage).signInWithLink(second?.token ?? ''))).toMatchObject({
      code: 'INVALID_TOKEN',
    })
  })

  it('says so where the site has not turned links on', async () => {
    server = await real.membersScene()
    expect(await browser().methods()).toEqual({
      password: true,
      emailLink: false,
      totp: 'optional',
      passkeys: false,
      providers: [],
    })
    expect(await failure(browser().sendSignInLink('ada@example.com'))).toMatchObject({
      status: 403,
      code: 'SIGN_IN_METHOD_DISABLED',
    })
  })
})

describe('registering where the site has password sign-in off', () => {
  it('takes no password, and the emailed link signs in the browser that registered', async () => {
    server = await real.membersScene({
      authSettings: { passwordSignIn: false, emailLinkSignIn: true },
    })
    const laptop = browser()
    const ada = { email: 'ada@example.com', displayName: 'Ada' }
    expect(await failure(laptop.register({ ...ada, password }))).toMatchObject({
      status: 422,
      code: 'PASSWORD_NOT_ACCEPTED',
    })
    expect(await laptop.register(ada)).toEqual({ status: 'link_sent' })
    const mail = await server.lastMail('ada@example.com')
    expect(mail?.action).toBe('sign-in')
    expect(await failure(browser().signInWithLink(mail?.token ?? ''))).toMatchObject({
      code: 'SIGN_IN_LINK_OTHER_BROWSER',
    })
    const account = await laptop.signInWithLink(mail?.token ?? '')
    expect(account).toMatchObject({ email: 'ada@example.com', emailVerified: true })
    expect(account.hasPassword).toBe(false)
  })

  // Regression: each registration replaced the key kept for the last link, so registering
  // again from a second tab (the owner is then mailed a sign-in link) broke the first tab's link.
  it('signs in with the links of registrations made in two tabs of one browser', async () => {
    server = await real.membersScene({
      authSettings: { passwordSignIn: false, emailLinkSignIn: true },
    })
    const storage = memoryStorage()
    const ada = { email: 'ada@example.com', displayName: 'Ada' }
    expect(await browser(storage).register(ada)).toEqual({ status: 'link_sent' })
    const first = await server.lastMail('ada@example.com')
    expect(await browser(storage).register(ada)).toEqual({ status: 'link_sent' })
    const second = await server.lastMail('ada@example.com')
    expect(second?.token).not.toBe(first?.token)

    const other = browser()
    await other.register({ email: 'bo@example.com', displayName: 'Bo' })
    expect(await failure(other.signInWithLink(first?.token ?? ''))).toMatchObject({
      code: 'SIGN_IN_LINK_OTHER_BROWSER',
    })

    // The first tab's link signs in (the second is spent with it, as a member's links are).
    const tab = browser(storage)
    expect(await tab.signInWithLink(first?.token ?? '')).toMatchObject({
      email: 'ada@example.com',
      emailVerified: true,
    })
    expect(tab.user?.email).toBe('ada@example.com')
  })
})

describe('two-factor sign-in', () => {
  it('enrols, asks for the second step at sign-in, and turns off', async () => {
    server = await real.membersScene()
    await server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
    const auth = browser()
    await auth.login({ email: 'ada@example.com', password })
    const { secret, qrSvg } = await auth.totp.setup()
    expect(qrSvg).toMatch(/^<svg/)
    const { recoveryCodes } = await auth.totp.confirm(totpCode(secret, Date.now()))
    expect(recoveryCodes).toHaveLength(10)
    expect(await auth.totp.status()).toEqual({
      available: true,
      enabled: true,
      required: false,
      recoveryCodesLeft: 10,
    })

    const other = browser()
    const asked = await failure(other.login({ email: 'ada@example.com', password }))
    expect(asked).toMatchObject({
      code: 'SECOND_STEP_REQUIRED',
      fields: { step: 'totp_required' },
    })
    expect(other.user).toBeNull()
    expect(await failure(other.totp.signIn({ code: '000000' }))).toMatchObject({
      status: 401,
      code: 'INVALID_TOTP_CODE',
    })
    // The next step's code (the app a little ahead): the one used to confirm cannot be reused.
    const account = await other.totp.signIn({ code: totpCode(secret, Date.now() + 30_000) })
    expect(account.email).toBe('ada@example.com')
    expect(other.user?.email).toBe('ada@example.com')

    await auth.totp.disable({ password })
    // Every other session ended with it.
    expect(await other.getSession()).toBeNull()
    const again = browser()
    expect((await again.login({ email: 'ada@example.com', password })).email).toBe(
      'ada@example.com',
    )
  })

  it('signs in with a recovery code once', async () => {
    server = await real.membersScene()
    await server.addMember({ email: 'ada@example.com', displayName: 'Ada' })
    const auth = browser()
    await auth.login({ email: 'ada@example.com', password })
    const { secret } = await auth.totp.setup()
    const { recoveryCodes } = await auth.totp.confirm(totpCode(secret, Date.now()))
    const recoveryCode = recoveryCodes[0] ?? ''

    const other = browser()
    await failure(other.login({ email: 'ada@example.com', password }))
    await other.totp.signIn({ recoveryCode })
    expect(other.user?.email).toBe('ada@example.com')

    const third = browser()
    await failure(third.login({ email: 'ada@example.com', password }))
    expect(await failure(third.totp.signIn({ recoveryCode }))).toMatchObject({
      code: 'INVALID_TOTP_CODE',
    })
  })
})
