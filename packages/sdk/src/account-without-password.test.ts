// A member who joined without a password, through the SDK against the real server on a socket
// (test/real-server.ts): right after signing in by link they change their email, renew recovery
// codes, turn two-factor off and delete their account, each with no password to give.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { totpCode } from '../../../apps/server/test/helpers/operators.ts'
import { failure } from '../test/failure.ts'
import { type RealServer, startRealServer } from '../test/real-server.ts'
import type { MembersScene } from '../test/scene.ts'
import { createAuth } from './auth.ts'
import { memoryStorage } from './storage.ts'

let real: RealServer
let server: MembersScene

beforeAll(async () => {
  real = await startRealServer()
}, 60_000)
afterAll(() => real?.close())
afterEach(() => server.close())

describe('a member without a password, just signed in by link', () => {
  it('changes the email, manages TOTP and deletes the account with no password', async () => {
    server = await real.membersScene({
      authSettings: { passwordSignIn: false, emailLinkSignIn: true },
    })
    const auth = createAuth({ url: server.url, key: server.key, storage: memoryStorage() })
    await auth.register({ email: 'ada@example.com', displayName: 'Ada' })
    const link = await server.lastMail('ada@example.com')
    const account = await auth.signInWithLink(link?.token ?? '')
    expect(account.hasPassword).toBe(false)

    expect(await auth.changeEmail({ newEmail: 'ada@new.example' })).toEqual({
      status: 'confirmation_sent',
    })
    const confirmation = await server.lastMail('ada@new.example')
    expect(confirmation?.action).toBe('confirm-email-change')

    const { secret } = await auth.totp.setup()
    await auth.totp.confirm(totpCode(secret, Date.now()))
    expect((await auth.totp.newRecoveryCodes()).recoveryCodes).toHaveLength(10)
    await auth.totp.disable()
    expect(await auth.totp.status()).toMatchObject({ enabled: false })

    await auth.deleteAccount()
    expect(auth.user).toBeNull()
    // Gone on the server too: the pending email-change link went with the account.
    expect(await failure(auth.confirmEmailChange(confirmation?.token ?? ''))).toMatchObject({
      code: 'INVALID_TOKEN',
    })
  })
})
