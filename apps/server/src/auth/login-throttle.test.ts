import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError, rows } from '../../test/helpers/http.ts'
import { loginDelayMs } from './login-throttle.ts'
import {
  type AuthHarness,
  createAuthHarness,
  password,
  registerMember,
  signIn,
} from './test-helpers.ts'

// Growing delays on sign-in, through POST /v1/auth/login: each client address is chosen with
// X-Forwarded-For. The numbers are those documented in login-throttle.ts.

let h: AuthHarness
beforeEach(async () => {
  h = await createAuthHarness({ env: { TRUST_PROXY: 'x-forwarded-for' } })
  await registerMember(h, { email })
})
afterEach(() => h.close())

const email = 'ann@example.com'
const wrong = 'not the right passphrase'
const home = '198.51.100.7'
const attacker = '192.0.2.66'

const attempt = (ip: string, pass = wrong, as = email) =>
  signIn(h, { email: as, password: pass }, { 'X-Forwarded-For': ip })

/** Fails `n` times from `ip`, each allowed (asserts 401). */
async function fail(n: number, ip: string, as = email) {
  for (let i = 0; i < n; i++) {
    const res = await attempt(ip, wrong, as)
    expect(res.status, `failure ${i + 1} from ${ip}`).toBe(401)
  }
}

async function refusedFor(res: Response): Promise<number> {
  expect(res.status).toBe(429)
  expect(await res.json()).toEqual(apiError('RATE_LIMITED'))
  return Number(res.headers.get('retry-after'))
}

describe('the delay', () => {
  it.each([
    [4, 5, 0],
    [5, 5, 1_000],
    [6, 5, 2_000],
    [14, 5, 512_000],
    [15, 5, 900_000],
    [500, 5, 900_000],
    [20, 20, 1_000],
    [100, 100, 1_000],
  ])('after %i failures with %i free is %i ms', (failures, free, ms) => {
    expect(loginDelayMs(failures, free)).toBe(ms)
  })
})

describe('one address guessing one member’s password', () => {
  it('gets 5 free failures, then waits 1 s, 2 s, 4 s, 8 s… before each next try', async () => {
    await fail(5, attacker)
    for (const wait of [1, 2, 4, 8, 16]) {
      expect(await refusedFor(await attempt(attacker))).toBe(wait)
      h.clock.advance(wait * 1000 - 1)
      expect(await refusedFor(await attempt(attacker))).toBe(1)
      h.clock.advance(1)
      expect((await attempt(attacker)).status).toBe(401)
    }
  })

  it('is refused before the password is checked: even the right one waits', async () => {
    await fail(5, attacker)
    expect(await refusedFor(await attempt(attacker, password))).toBe(1)
    const [row] = await rows(h.t.deps.client, 'SELECT count(*) AS n FROM sessions')
    expect(row?.n).toBe(0)
  })

  it('never waits more than 15 minutes, and may always try again', async () => {
    await fail(5, attacker)
    const waits: number[] = []
    for (let i = 0; i < 14; i++) {
      const wait = await refusedFor(await attempt(attacker))
      waits.push(wait)
      h.clock.advance(wait * 1000)
      expect((await attempt(attacker)).status).toBe(401)
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900, 900, 900])
  })

  it('starts afresh once a day has passed without failures', async () => {
    await fail(5, attacker)
    h.clock.advance(1000)
    await fail(1, attacker)
    h.clock.advance(2000)
    await fail(1, attacker)
    expect(await refusedFor(await attempt(attacker))).toBe(4)
    h.clock.advance(24 * 3_600_000)
    await fail(5, attacker)
    expect((await attempt(attacker)).status).toBe(429)
  })

  it('is reset by a success: the member who mistyped gets the full allowance back', async () => {
    await fail(5, home)
    h.clock.advance(1000)
    expect((await attempt(home, password)).status).toBe(200)
    await fail(5, home)
    expect((await attempt(home)).status).toBe(429)
  })

  it('counts parallel attempts too: of 20 fired at once, at most 5 have their guess checked', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => attempt(attacker)))
    const statuses = answers.map((res) => res.status)
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5)
    // Every checked guess was counted, in each bucket, and nothing else was.
    const counts = await rows(
      h.t.deps.client,
      "SELECT count FROM rate_limits WHERE bucket LIKE 'login:%' ORDER BY bucket",
    )
    const checked = statuses.filter((s) => s === 401).length
    expect(counts).toEqual([{ count: checked }, { count: checked }, { count: checked }])
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true)
  })
})

describe('a member double-clicking "Sign in"', () => {
  it('gets both sessions: contention is retried, not refused', async () => {
    const answers = await Promise.all([attempt(home, password), attempt(home, password)])
    expect(answers.map((res) => res.status)).toEqual([200, 200])
  })
})

describe('one address spraying many members', () => {
  it('gets 20 free failures across all emails, then waits; other addresses are unaffected', async () => {
    for (let i = 0; i < 20; i++) {
      expect((await attempt(attacker, wrong, `m${i}@example.com`)).status).toBe(401)
    }
    expect(await refusedFor(await attempt(attacker, wrong, 'm20@example.com'))).toBe(1)
    expect((await attempt(home, wrong, 'm20@example.com')).status).toBe(401)
  })
})

describe('many addresses guessing one member’s password', () => {
  it('get 100 failures together, then wait; the member on their usual address is never held up', async () => {
    // The member signed in from home before the attack.
    expect((await attempt(home, password)).status).toBe(200)
    for (let i = 0; i < 100; i++) {
      expect((await attempt(`10.0.${i >> 8}.${i & 255}`)).status).toBe(401)
    }
    expect(await refusedFor(await attempt('10.9.9.9'))).toBe(1)
    // A new address joining the attack waits too, with the delay growing, capped at 15 min…
    for (let i = 0; i < 12; i++) {
      const wait = await refusedFor(await attempt(`10.8.0.${i}`))
      h.clock.advance(wait * 1000)
      expect((await attempt(`10.8.1.${i}`)).status).toBe(401)
    }
    expect(await refusedFor(await attempt('10.7.7.7'))).toBe(900)
    // …but the member, from home, signs in at once.
    expect((await attempt(home, password)).status).toBe(200)
    // A typo at home is judged by home's own allowance only.
    await fail(5, home)
    expect((await attempt(home, password)).status).toBe(429)
  })
})
