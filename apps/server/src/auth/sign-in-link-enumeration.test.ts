import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPasswordHasher } from './password.ts'
import { type AuthHarness, createAuthHarness, postJson, registerMember } from './test-helpers.ts'

// Asking for a sign-in link must not tell, by how long it takes, whether an address has an
// account: the stranger's path renders the email and runs a write as the member's does. The
// method is password-reset-enumeration.test.ts's: paired requests, medians, a loose bound.

let h: AuthHarness
afterEach(() => h.close())

const member = 'ann@example.com'
const stranger = 'nobody@example.com'

beforeEach(async () => {
  h = await createAuthHarness({
    passwords: createPasswordHasher({ maxConcurrent: 2 }),
    settings: { emailLinkSignIn: true },
  })
  await registerMember(h, { email: member })
})

async function timedRequest(email: string) {
  await h.t.deps.outbox.kick()
  const started = performance.now()
  const res = await postJson(h, '/v1/auth/sign-in-link', { email })
  const ms = performance.now() - started
  expect(res.status).toBe(202)
  return ms
}

function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

async function pairedDifference(rounds = 50, warmUp = 10) {
  const times = { member: [] as number[], stranger: [] as number[], differences: [] as number[] }
  for (let round = 0; round < warmUp + rounds; round++) {
    // A fresh hour each round, so the limits never interfere.
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
    difference: median(times.differences),
  }
}

describe('sign-in link request: enumeration', () => {
  it('takes the same time for a member and a stranger, within noise', async () => {
    const results: string[] = []
    // A real leak (say, a lookup or a write on one path only) shows in every attempt; a burst
    // of load from elsewhere on the machine does not last for three.
    for (let attempt = 0; attempt < 3; attempt++) {
      const { member: a, stranger: b, difference } = await pairedDifference()
      const bound = Math.max(2, 0.35 * Math.max(a, b))
      results.push(
        `median ${a.toFixed(2)} ms member, ${b.toFixed(2)} ms stranger, paired difference ${difference.toFixed(2)} ms, bound ${bound.toFixed(2)} ms`,
      )
      if (Math.abs(difference) < bound) return
    }
    expect.fail(`timing differs in every attempt:\n${results.join('\n')}`)
  })
})
