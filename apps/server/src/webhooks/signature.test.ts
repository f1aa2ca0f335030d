import { createHmac } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { newWebhookSecret, verifyWebhook, webhookHeaders } from './signature.ts'

// The Standard Webhooks specification's published test vector: matching it means any of the
// scheme's libraries (and the few lines in docs/contact-forms.md) verify our deliveries.
const vector = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestampSeconds: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
}

const vectorHeaders = {
  'webhook-id': vector.id,
  'webhook-timestamp': String(vector.timestampSeconds),
  'webhook-signature': vector.signature,
}

const verify = (
  overrides: Partial<Parameters<typeof verifyWebhook>[0]> & {
    headers?: Record<string, string | undefined>
  } = {},
) =>
  verifyWebhook({
    headers: vectorHeaders,
    body: vector.body,
    secret: vector.secret,
    nowSeconds: vector.timestampSeconds,
    ...overrides,
  })

describe('webhookHeaders', () => {
  it('signs the specification’s test vector to its published signature', async () => {
    expect(
      await webhookHeaders({
        id: vector.id,
        timestampSeconds: vector.timestampSeconds,
        body: vector.body,
        secret: vector.secret,
      }),
    ).toEqual(vectorHeaders)
  })

  it('accepts a secret without its whsec_ prefix, with the same result', async () => {
    const bare = await webhookHeaders({ ...vector, secret: vector.secret.slice('whsec_'.length) })
    expect(bare['webhook-signature']).toBe(vector.signature)
  })

  it('signs id, timestamp and body: changing any of them changes the signature', async () => {
    const base = { ...vector }
    const signatures = await Promise.all(
      [
        base,
        { ...base, id: 'msg_other' },
        { ...base, timestampSeconds: base.timestampSeconds + 1 },
        { ...base, body: '{"test": 2432232315}' },
      ].map(async (input) => (await webhookHeaders(input))['webhook-signature']),
    )
    expect(new Set(signatures).size).toBe(4)
  })
})

describe('newWebhookSecret', () => {
  it('is whsec_ and 32 random bytes in base64, new every time', () => {
    const secrets = Array.from({ length: 20 }, () => newWebhookSecret())
    for (const secret of secrets) {
      expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/)
      expect(Buffer.from(secret.slice(6), 'base64')).toHaveLength(32)
    }
    expect(new Set(secrets).size).toBe(20)
  })

  it('signs what node:crypto verifies with the decoded key', async () => {
    const secret = newWebhookSecret()
    const headers = await webhookHeaders({ id: 'job_1', timestampSeconds: 1, body: '{}', secret })
    const expected = createHmac('sha256', Buffer.from(secret.slice(6), 'base64'))
      .update('job_1.1.{}')
      .digest('base64')
    expect(headers['webhook-signature']).toBe(`v1,${expected}`)
  })
})

describe('verifyWebhook', () => {
  it('accepts the test vector', async () => {
    expect(await verify()).toBe(true)
  })

  it('accepts when any one of several space-separated signatures matches', async () => {
    const headers = {
      ...vectorHeaders,
      'webhook-signature': `v1,bm90IGEgc2lnbmF0dXJl ${vector.signature} v1a,whatever`,
    }
    expect(await verify({ headers })).toBe(true)
  })

  it.each([
    ['a tampered body', { body: '{"test": 2432232315}' }],
    ['a body with a space added', { body: `${vector.body} ` }],
    ['the wrong secret', { secret: newWebhookSecret() }],
    ['a stale timestamp (301 s old)', { nowSeconds: vector.timestampSeconds + 301 }],
    ['a timestamp from the future', { nowSeconds: vector.timestampSeconds - 301 }],
    ['a tighter tolerance', { nowSeconds: vector.timestampSeconds + 10, toleranceSeconds: 5 }],
    ['another id', { headers: { ...vectorHeaders, 'webhook-id': 'msg_other' } }],
    [
      'another timestamp header',
      { headers: { ...vectorHeaders, 'webhook-timestamp': String(vector.timestampSeconds + 1) } },
    ],
    ['no id', { headers: { ...vectorHeaders, 'webhook-id': undefined } }],
    ['no signature', { headers: { ...vectorHeaders, 'webhook-signature': undefined } }],
    [
      'a timestamp that is not a number',
      { headers: { ...vectorHeaders, 'webhook-timestamp': 'x' } },
    ],
    [
      'a signature with another version',
      {
        headers: { ...vectorHeaders, 'webhook-signature': vector.signature.replace('v1,', 'v2,') },
      },
    ],
    [
      'a truncated signature',
      { headers: { ...vectorHeaders, 'webhook-signature': vector.signature.slice(0, -2) } },
    ],
  ])('refuses %s', async (_, overrides) => {
    expect(await verify(overrides)).toBe(false)
  })

  it('accepts timestamps up to the tolerance either way', async () => {
    expect(await verify({ nowSeconds: vector.timestampSeconds + 300 })).toBe(true)
    expect(await verify({ nowSeconds: vector.timestampSeconds - 300 })).toBe(true)
  })
})
