import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AuthHarness, createAuthHarness, registerMember, signIn } from './test-helpers.ts'

// Nobody may learn whether an address has an account on a site: register and login answer an
// existing and a missing address alike, in status, headers, body and time. This file uses the
// REAL scrypt parameters (N=2^14, r=8, p=5), since cheaper ones would hide a skipped hash in
// the noise. Timing is compared by medians of interleaved runs with a generous bound: the one
// timing assertion of the suite, kept robust on a busy machine.

const runs = 15
/** A skipped scrypt makes one side several times faster; noise stays well under this. */
const maxRatio = 1.5

let h: AuthHarness
let ip = 0
/** A fresh address per request, so per-address limits never answer instead of the endpoint. */
const nextIp = () => ({ 'X-Forwarded-For': `10.1.${ip >> 8}.${ip++ & 255}` })

beforeAll(async () => {
  h = await createAuthHarness({
    env: { TRUST_PROXY: 'x-forwarded-for' },
    passwords: undefined, // the production hasher: real parameters, 2 at a time
  })
  await registerMember(h, { email: 'ann@example.com' }, nextIp())
})
afterAll(() => h.close())

/** What a client could compare between two answers; the request id is random. */
async function visible(res: Response) {
  const headers = [...res.headers.entries()].filter(([name]) => name !== 'x-request-id')
  return { status: res.status, headers, body: await res.text() }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

/** Times `runs` interleaved calls of each; the medians in ms. */
async function medians(a: () => Promise<Response>, b: () => Promise<Response>) {
  await a() // warm-up: the dummy hash is made on first use, code paths get compiled
  await b()
  const times: [number[], number[]] = [[], []]
  for (let i = 0; i < runs; i++) {
    for (const [side, call] of [a, b].entries()) {
      const started = performance.now()
      await (await call()).arrayBuffer()
      times[side as 0 | 1].push(performance.now() - started)
    }
  }
  return times.map(median) as [number, number]
}

function expectSimilar([a, b]: [number, number]) {
  expect(
    Math.max(a, b) / Math.min(a, b),
    `medians ${a.toFixed(0)} and ${b.toFixed(0)} ms`,
  ).toBeLessThan(maxRatio)
}

describe('register', () => {
  let fresh = 0
  const existing = () => registerMember(h, { email: 'ann@example.com' }, nextIp())
  const missing = () => registerMember(h, { email: `new${fresh++}@example.com` }, nextIp())

  it('answers an existing and a new address identically', async () => {
    // An hour apart: the existing address's owner is mailed each time, as a new one would be.
    h.clock.advance(3_600_000)
    const a = await visible(await existing())
    const b = await visible(await missing())
    expect(a).toEqual(b)
    expect(a.status).toBe(202)
  })

  it('takes as long for an existing address as for a new one', { timeout: 60_000 }, async () => {
    const spaced = (call: () => Promise<Response>) => () => {
      h.clock.advance(2 * 3_600_000)
      return call()
    }
    expectSimilar(await medians(spaced(existing), spaced(missing)))
  })
})

describe('login', () => {
  const wrongPassword = () =>
    signIn(h, { email: 'ann@example.com', password: 'not the right passphrase' }, nextIp())
  const unknownEmail = () =>
    signIn(h, { email: 'nobody@example.com', password: 'not the right passphrase' }, nextIp())

  it('answers a wrong password and an unknown address identically', async () => {
    const a = await visible(await wrongPassword())
    const b = await visible(await unknownEmail())
    expect(a).toEqual(b)
    expect(a.status).toBe(401)
  })

  it('takes as long for an unknown address as for a wrong password', {
    timeout: 60_000,
  }, async () => {
    expectSimilar(await medians(wrongPassword, unknownEmail))
  })
})
