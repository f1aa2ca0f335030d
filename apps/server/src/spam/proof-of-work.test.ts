import { solveChallenge as solveAltchaChallenge } from 'altcha-lib/v1'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, createTestSite, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { type SiteScope, siteScope } from '../sites/scope.ts'
import {
  createChallenge,
  encodeProofOfWork,
  type ProofOfWorkChallenge,
  type ProofOfWorkPayload,
  solveChallenge,
  verifyProofOfWork,
} from './proof-of-work.ts'

const secret = 'site-a-signing-secret'
let clock: ReturnType<typeof manualClock>
let t: TestApp
let scope: SiteScope

beforeEach(async () => {
  clock = manualClock()
  t = await createTestApp({ clock })
  scope = siteScope((await createTestSite(t)).id)
})
afterEach(() => t.close())

const verify = (payload: string, s = scope, key = secret) =>
  verifyProofOfWork(t.deps.db, clock, s, key, payload)

/** A real challenge, really solved; small numbers keep the suite fast. */
async function solved(options: { maxNumber?: number; expiresInSeconds?: number } = {}) {
  const challenge = await createChallenge(secret, {
    now: clock.now(),
    maxNumber: 2_000,
    ...options,
  })
  const solution = await solveChallenge(challenge)
  if (!solution) throw new Error('the reference solver found no solution')
  const payload = JSON.parse(atob(solution.payload)) as ProofOfWorkPayload
  return { challenge, payload, encoded: solution.payload }
}

describe('proof-of-work challenges', () => {
  it('are ALTCHA v1 challenges whose salt carries the expiry', async () => {
    const challenge = await createChallenge(secret, { now: clock.now() })
    expect(challenge).toEqual({
      algorithm: 'SHA-256',
      challenge: expect.stringMatching(/^[0-9a-f]{64}$/),
      maxnumber: 100_000,
      salt: `${challenge.salt.split('?')[0]}?expires=${Math.floor(clock.now() / 1000) + 600}&`,
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    })
  })

  it('accepts a real solution once, and records it as spent until the challenge expires', async () => {
    const { encoded, payload } = await solved()
    expect(await verify(encoded)).toBe('ok')
    const spent = await rows(
      t.deps.client,
      'SELECT site_id, token_hash, expires_at FROM spent_tokens',
    )
    expect(spent).toEqual([
      {
        site_id: scope.siteId,
        token_hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        expires_at: Number(payload.salt.match(/expires=(\d+)/)?.[1]) * 1000,
      },
    ])
    expect(spent[0]?.token_hash).not.toBe(payload.challenge)
  })

  it('answers the same solution sent again as replayed', async () => {
    const { encoded } = await solved()
    expect(await verify(encoded)).toBe('ok')
    expect(await verify(encoded)).toBe('replayed')
    // Re-encoding with extra keys (as the widget adds `took`) is still the same solution.
    const again = btoa(JSON.stringify({ ...JSON.parse(atob(encoded)), took: 12 }))
    expect(await verify(again)).toBe('replayed')
  })

  it('lets exactly one of two concurrent submissions with the same solution pass', async () => {
    const { encoded } = await solved()
    const results = await Promise.all([verify(encoded), verify(encoded), verify(encoded)])
    expect(results.sort()).toEqual(['ok', 'replayed', 'replayed'])
  })

  it('refuses a wrong number, an edited challenge, salt or signature', async () => {
    const { payload } = await solved()
    const edits: Partial<ProofOfWorkPayload>[] = [
      { number: payload.number + 1 },
      { challenge: payload.challenge.replace(/^./, (c) => (c === '0' ? '1' : '0')) },
      { signature: payload.signature.replace(/^./, (c) => (c === '0' ? '1' : '0')) },
      // Pushing the expiry out changes what was hashed.
      { salt: payload.salt.replace(/expires=\d+/, 'expires=9999999999') },
    ]
    for (const edit of edits)
      expect(await verify(encodeProofOfWork({ ...payload, ...edit }))).toBe('invalid')
    // None of them spent the genuine solution.
    expect(await verify(encodeProofOfWork(payload))).toBe('ok')
  })

  it("refuses another site's challenge: it is signed with that site's secret", async () => {
    const { encoded } = await solved()
    expect(await verify(encoded, scope, 'site-b-signing-secret')).toBe('invalid')
  })

  it('calls malformed payloads invalid rather than throwing', async () => {
    const { payload } = await solved()
    const junk = [
      '',
      'not base64!',
      btoa('not json'),
      btoa('null'),
      btoa(JSON.stringify({ ...payload, algorithm: 'SHA-1' })),
      btoa(JSON.stringify({ ...payload, number: String(payload.number) })),
      btoa(JSON.stringify({ ...payload, number: -1 })),
      btoa(JSON.stringify({ ...payload, number: 1.5 })),
      btoa(JSON.stringify({ ...payload, salt: payload.salt.replace(/&$/, '') })),
      'A'.repeat(5000),
    ]
    for (const value of junk) expect(await verify(value), value.slice(0, 40)).toBe('invalid')
    expect(await verify(encodeProofOfWork(payload), scope, '')).toBe('invalid')
  })

  it('refuses an expired challenge without spending it', async () => {
    const { encoded } = await solved({ expiresInSeconds: 60 })
    clock.advance(61_000)
    expect(await verify(encoded)).toBe('expired')
    expect(await rows(t.deps.client, 'SELECT * FROM spent_tokens')).toEqual([])
  })

  it("does not share spent solutions between sites: each site's scope has its own", async () => {
    const other = siteScope((await createTestSite(t, { name: 'Other' })).id)
    const { encoded } = await solved()
    expect(await verify(encoded, other)).toBe('ok')
    expect(await verify(encoded, scope)).toBe('ok')
    expect(await verify(encoded, other)).toBe('replayed')
    expect(await verify(encoded, scope)).toBe('replayed')
  })

  it('prunes spent solutions once their challenges have expired, and only those', async () => {
    const short = await solved({ expiresInSeconds: 60 })
    const long = await solved({ expiresInSeconds: 600 })
    expect(await verify(short.encoded)).toBe('ok')
    expect(await verify(long.encoded)).toBe('ok')
    const spent = () => rows(t.deps.client, 'SELECT count(*) AS n FROM spent_tokens')
    await t.deps.outbox.tick()
    expect(await spent()).toEqual([{ n: 2 }])
    clock.advance(120_000)
    await t.deps.outbox.tick()
    expect(await spent()).toEqual([{ n: 1 }])
    expect(await verify(long.encoded)).toBe('replayed')
    expect(await verify(short.encoded)).toBe('expired')
  })

  it('needs a secret and a positive maxNumber to create a challenge', async () => {
    await expect(createChallenge('', { now: clock.now() })).rejects.toThrow(/signing secret/)
    await expect(createChallenge(secret, { now: clock.now(), maxNumber: 0 })).rejects.toThrow(
      /maxNumber/,
    )
  })

  it("also accepts what altcha-lib's own solver finds, as the ALTCHA widget would send it", async () => {
    const challenge = await createChallenge(secret, { now: clock.now(), maxNumber: 2_000 })
    const found = await solveAltchaChallenge(challenge.challenge, challenge.salt, 'SHA-256', 2_000)
      .promise
    const { algorithm, challenge: hash, salt, signature } = challenge
    const payload = {
      algorithm,
      challenge: hash,
      number: found?.number,
      salt,
      signature,
      took: found?.took,
    }
    expect(await verify(btoa(JSON.stringify(payload)))).toBe('ok')
  })

  it('takes this long to solve with maxnumber = 100k (measured and printed, not asserted)', async () => {
    const perHash = async (
      solve: (c: ProofOfWorkChallenge) => Promise<number | undefined>,
      runs: number,
    ) => {
      let ms = 0
      let tries = 0
      const each: string[] = []
      for (let i = 0; i < runs; i++) {
        const challenge = await createChallenge(secret, { now: clock.now(), maxNumber: 100_000 })
        const started = performance.now()
        const number = (await solve(challenge)) ?? 0
        const took = performance.now() - started
        ms += took
        tries += number + 1
        each.push(`${took.toFixed(0)} ms for n=${number}`)
      }
      const us = (ms * 1000) / tries
      return `${us.toFixed(1)} µs/hash, so ${((us * 50_000) / 1000).toFixed(0)} ms on average and ${((us * 100_000) / 1000).toFixed(0)} ms at worst (${each.join('; ')})`
    }
    const reference = await perHash(async (c) => {
      const solution = await solveChallenge(c)
      expect(await verify(solution?.payload ?? '')).toBe('ok')
      return solution?.number
    }, 5)
    const altcha = await perHash(
      async (c) =>
        (await solveAltchaChallenge(c.challenge, c.salt, 'SHA-256', c.maxnumber).promise)?.number,
      2,
    )
    console.log(
      `proof of work, maxnumber=100000, Node ${process.version}:\n` +
        `  reference solver (sync SHA-256): ${reference}\n` +
        `  altcha-lib solveChallenge (await crypto.subtle.digest per try): ${altcha}`,
    )
  }, 120_000)
})
