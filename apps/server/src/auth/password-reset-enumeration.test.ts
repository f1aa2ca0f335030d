import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  type AccountHarness,
  call,
  createAccountHarness,
  queuedMails,
  signUp,
} from './account-test-helpers.ts'
import { createPasswordHasher } from './password.ts'

// A reset request must not tell anyone whether an address has an account: not by its status,
// headers or body, and not by how long it takes. The hasher here has the real parameters, as in
// production (the request path hashes nothing, but nothing here is made cheaper than it is).

let h: AccountHarness
afterEach(() => h.close())

const member = 'ann@example.com'
const stranger = 'nobody@example.com'

beforeEach(async () => {
  h = await createAccountHarness({ passwords: createPasswordHasher({ maxConcurrent: 2 }) })
  await signUp(h, { email: member })
})

/** Everything a caller can observe about an answer except the per-request id. */
async function observable(res: Response) {
  const headers = [...res.headers.entries()].filter(([name]) => name !== 'x-request-id')
  return { status: res.status, headers, body: await res.text() }
}

/** One timed request; the outbox is drained first, so background delivery never overlaps it. */
async function timedRequest(email: string) {
  await h.t.deps.outbox.kick()
  const started = performance.now()
  const res = await call(h, 'POST', '/auth/password-reset/request', { body: { email } })
  const ms = performance.now() - started
  expect(res.status).toBe(202)
  return ms
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

describe('password reset request: enumeration', () => {
  it('answers a member and a stranger identically', async () => {
    const answers = []
    for (const email of [member, stranger]) {
      answers.push(
        await observable(
          await call(h, 'POST', '/auth/password-reset/request', { body: { email } }),
        ),
      )
    }
    expect(answers[0]).toEqual(answers[1])
    expect(answers[0]?.body).toBe('{"status":"reset_sent"}')
    // Only the member's inbox learns the difference.
    expect((await queuedMails(h.t)).filter((m) => m.subject.startsWith('Reset'))).toHaveLength(1)
  })

  it('takes the same time for a member and a stranger, within noise', async () => {
    const results: string[] = []
    // A real leak (work on the order of a password hash on one path) shows in every attempt;
    // a burst of load from whatever else the machine runs does not last for three.
    for (let attempt = 0; attempt < 3; attempt++) {
      const { member: a, stranger: b, pairedDifference } = await measure()
      // The bound is loose enough for a busy CI machine and tight enough to catch such a leak.
      // What remains (measured here: a member's answer is 0.1–1 ms slower, for the rows it
      // really writes) is far below network jitter, and the per-email limit allows an attacker
      // five samples an hour per address: too few to average that jitter away.
      const bound = Math.max(2, 0.35 * Math.max(a, b))
      results.push(
        `median ${a.toFixed(2)} ms for a member, ${b.toFixed(2)} ms for a stranger, ` +
          `paired difference ${pairedDifference.toFixed(2)} ms, bound ${bound.toFixed(2)} ms`,
      )
      if (Math.abs(pairedDifference) < bound) return
    }
    expect.fail(`timing differs in every attempt:\n${results.join('\n')}`)
  })
})

/**
 * Times `rounds` pairs of requests, one for each address, in alternating order. Medians ignore
 * the odd GC pause; the median of the per-round differences also cancels load that comes and
 * goes, since both requests of a round see the same load.
 */
async function measure(rounds = 60, warmUp = 10) {
  const times = { member: [] as number[], stranger: [] as number[], differences: [] as number[] }
  for (let round = 0; round < warmUp + rounds; round++) {
    // A fresh hour each round: the per-address and per-email limits never interfere.
    h.clock.advance(2 * 3_600_000)
    const memberFirst = round % 2 === 1
    const first = await timedRequest(memberFirst ? member : stranger)
    const second = await timedRequest(memberFirst ? stranger : member)
    if (round < warmUp) continue
    const [m, s] = memberFirst ? [first, second] : [second, first]
    times.member.push(m)
    times.stranger.push(s)
    times.differences.push(m - s)
  }
  return {
    member: median(times.member),
    stranger: median(times.stranger),
    pairedDifference: median(times.differences),
  }
}
