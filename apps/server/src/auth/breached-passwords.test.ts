import { afterEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import { createPwnedPasswordsChecker } from './breached-passwords.ts'
import { type PwnedStandIn, sha1Upper, startPwnedStandIn } from './pwned-passwords-stand-in.ts'
import { type AuthHarness, countRows, createAuthHarness, registerMember } from './test-helpers.ts'

// The breached-password check against a local stand-in for the Pwned Passwords range API:
// a hit, a miss, padding, and the service being down, first directly, then through registration.

const leaked = 'leaked passphrase from 2019'
const padded = 'only ever seen as padding'
const fresh = 'a passphrase nobody has leaked'

let standIn: PwnedStandIn
let h: AuthHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
  await standIn.close()
})

describe('createPwnedPasswordsChecker', () => {
  it('finds a breached password, sending only the first 5 hex digits of its SHA-1', async () => {
    standIn = await startPwnedStandIn([leaked], [padded])
    const checker = createPwnedPasswordsChecker({ baseUrl: standIn.url })
    expect(await checker.isBreached(leaked)).toBe(true)
    expect(standIn.requests).toEqual([
      {
        path: `/range/${sha1Upper(leaked).slice(0, 5)}`,
        headers: expect.objectContaining({ 'add-padding': 'true' }),
      },
    ])
    expect(JSON.stringify(standIn.requests)).not.toContain(sha1Upper(leaked).slice(5))
  })

  it('passes a password it does not list, and one listed only as padding (count 0)', async () => {
    standIn = await startPwnedStandIn([leaked], [padded])
    const checker = createPwnedPasswordsChecker({ baseUrl: standIn.url })
    expect(await checker.isBreached(fresh)).toBe(false)
    expect(await checker.isBreached(padded)).toBe(false)
  })

  it.each([
    ['answers 503', 'error'],
    ['does not answer in time', 'hang'],
  ] as const)('lets the password through, and says so, when the API %s', async (_, mode) => {
    standIn = await startPwnedStandIn([leaked])
    standIn.mode = mode
    const problems: unknown[] = []
    const checker = createPwnedPasswordsChecker({
      baseUrl: standIn.url,
      timeoutMs: 200,
      onUnavailable: (error) => problems.push(error),
    })
    expect(await checker.isBreached(leaked)).toBe(false)
    expect(problems).toHaveLength(1)
  })

  it('lets the password through when nothing listens at all', async () => {
    standIn = await startPwnedStandIn([leaked])
    const url = standIn.url
    await standIn.close()
    const problems: unknown[] = []
    const checker = createPwnedPasswordsChecker({
      baseUrl: url,
      onUnavailable: (e) => problems.push(e),
    })
    expect(await checker.isBreached(leaked)).toBe(false)
    expect(problems).toHaveLength(1)
  })
})

describe('registration with the check on (BREACHED_PASSWORDS_URL → the stand-in)', () => {
  async function harness(check: boolean) {
    standIn = await startPwnedStandIn([leaked])
    h = await createAuthHarness({
      env: { BREACHED_PASSWORDS_URL: standIn.url },
      // The checker createDeps builds from the configuration, not a test's own.
      breachedPasswords: undefined,
      settings: { breachedPasswordCheck: check },
    })
    return h
  }

  it('refuses a breached password with 422 and stores nothing', async () => {
    const h = await harness(true)
    const res = await registerMember(h, { email: 'ann@example.com', password: leaked })
    expect(res.status).toBe(422)
    expect(await res.json()).toEqual(
      apiError('VALIDATION_FAILED', {
        password:
          'This password has appeared in a data breach, so attackers try it; choose another.',
      }),
    )
    expect(await countRows(h.t, 'members')).toBe(0)
  })

  it('accepts a password the API does not list', async () => {
    const h = await harness(true)
    expect((await registerMember(h, { email: 'ann@example.com', password: fresh })).status).toBe(
      202,
    )
    expect(standIn.requests).toHaveLength(1)
  })

  it('accepts the password when the API is down, and logs a warning', async () => {
    const h = await harness(true)
    standIn.mode = 'error'
    const res = await registerMember(h, { email: 'ann@example.com', password: leaked })
    expect(res.status).toBe(202)
    expect(h.t.log.lines).toContainEqual(
      expect.objectContaining({
        level: 'warn',
        message: 'breached-password check unavailable; password accepted',
      }),
    )
  })

  it('never asks the API for a site that has not switched the check on (the default)', async () => {
    const h = await harness(false)
    expect((await registerMember(h, { email: 'ann@example.com', password: leaked })).status).toBe(
      202,
    )
    expect(standIn.requests).toEqual([])
  })
})
