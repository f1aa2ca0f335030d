import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sampleValue } from '../../test/helpers/prometheus-text.ts'
import {
  type AuthHarness,
  createAuthHarness,
  registerMember,
  signIn,
} from '../auth/test-helpers.ts'
import { createPrometheusMetrics, type PrometheusMetrics } from './prometheus.ts'

// Registrations and sign-ins as the counters see them, through the real endpoints: the numbers
// an operator watches for a credential-stuffing wave, without any address in them.

let h: AuthHarness
let metrics: PrometheusMetrics

beforeEach(async () => {
  metrics = createPrometheusMetrics()
  h = await createAuthHarness({ metrics, settings: { allowUnverifiedSignIn: true } })
})
afterEach(() => h.close())

const scrape = async () => (await metrics.scrape()).body
const signIns = 'porchlight_member_sign_ins_total'

describe('membership metrics', () => {
  it('count a new member, and a registration for an address that has one', async () => {
    expect((await registerMember(h, { email: 'ann@example.com' })).status).toBe(202)
    // Answered alike (nobody learns the address is taken); only the operator's count differs.
    expect((await registerMember(h, { email: 'ann@example.com' })).status).toBe(202)

    const text = await scrape()
    const registrations = 'porchlight_member_registrations_total'
    expect(sampleValue(text, registrations, { result: 'new_member' })).toBe(1)
    expect(sampleValue(text, registrations, { result: 'existing_address' })).toBe(1)
    expect(text).not.toContain('ann@example.com')
  })

  it('count a sign-in, a failed one, and one the throttle refused', async () => {
    expect((await registerMember(h, { email: 'ann@example.com' })).status).toBe(202)
    expect((await signIn(h, { email: 'ann@example.com' })).status).toBe(200)
    expect((await signIn(h, { email: 'ann@example.com', password: 'wrong guess' })).status).toBe(
      401,
    )
    let text = await scrape()
    expect(sampleValue(text, signIns, { result: 'succeeded' })).toBe(1)
    expect(sampleValue(text, signIns, { result: 'invalid_credentials' })).toBe(1)
    expect(sampleValue(text, signIns, { result: 'throttled' })).toBe(0)

    // Five free failures for one address and one member (login-throttle.ts), then a wait: the
    // clock does not move, so the next guess is refused before any password is checked.
    for (let i = 0; i < 4; i++) {
      expect((await signIn(h, { email: 'ann@example.com', password: `guess ${i}` })).status).toBe(
        401,
      )
    }
    expect((await signIn(h, { email: 'ann@example.com', password: 'one more' })).status).toBe(429)
    text = await scrape()
    expect(sampleValue(text, signIns, { result: 'invalid_credentials' })).toBe(5)
    expect(sampleValue(text, signIns, { result: 'throttled' })).toBe(1)
  })

  it('count a sign-in for an unknown address as invalid credentials', async () => {
    expect((await signIn(h, { email: 'nobody@example.com' })).status).toBe(401)
    expect(sampleValue(await scrape(), signIns, { result: 'invalid_credentials' })).toBe(1)
  })
})
