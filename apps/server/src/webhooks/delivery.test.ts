import { createHmac, timingSafeEqual } from 'node:crypto'
import type { IncomingHttpHeaders } from 'node:http'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { type OwnerApi, outboxRows, ownerApi, submitForId } from '../../test/helpers/owner-api.ts'
import { type Delivery, type Receiver, startReceiver } from '../../test/helpers/webhook-receiver.ts'
import { verifyWebhook } from './signature.ts'

// Webhooks from a real submission to a real HTTP receiver on loopback, verified the way a
// receiver would: with verifyWebhook, and independently with node:crypto as the docs show.

/** docs/contact-forms.md's receiver code, unchanged but for the types. */
function verifyAsDocsShow(headers: IncomingHttpHeaders, rawBody: string, secret: string) {
  const id = String(headers['webhook-id'])
  const timestamp = String(headers['webhook-timestamp'])
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false // stale: maybe a replay
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64')
  const expected = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${rawBody}`).digest('base64')}`
  return String(headers['webhook-signature'])
    .split(' ')
    .some(
      (candidate) =>
        candidate.length === expected.length &&
        timingSafeEqual(Buffer.from(candidate), Buffer.from(expected)),
    )
}

function verifyWithLibrary(delivery: Delivery, secret: string, nowMs: number) {
  const headers = Object.fromEntries(
    Object.entries(delivery.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]),
  )
  return verifyWebhook({ headers, body: delivery.body, secret, nowSeconds: nowMs / 1000 })
}

let receiver: Receiver
let t: TestApp
// Starts at the real time: the docs' receiver checks timestamps against Date.now().
let clock: ReturnType<typeof manualClock>
let site: TestSite
let owner: OwnerApi
let secret: string

beforeEach(async () => {
  receiver = await startReceiver()
  clock = manualClock(Date.now())
  t = await createTestApp({
    clock,
    handlers: { email: async () => {} },
    // The receiver is on loopback, which forms may only name when the operator allows it.
    env: { ALLOW_PRIVATE_WEBHOOKS: 'true' },
  })
  site = await createTestSite(t, { name: 'Acme' })
  owner = ownerApi(t, site)
  const form = await owner.createForm({
    id: 'contact',
    name: 'Contact',
    settings: { webhookUrl: receiver.url, fields: { email: { type: 'email' } } },
  })
  secret = form.webhookSecret
})

afterEach(async () => {
  await t?.deps.outbox.kick()
  await receiver?.close()
  await t?.close()
})

describe('submission.created webhooks', () => {
  it('posts the event with the three Standard Webhooks headers, verifiable both ways', async () => {
    const id = await submitForId(t, site, 'contact', {
      email: 'Ada@Example.org',
      message: 'Hello "webhook" ünïcode',
    })
    await t.deps.outbox.kick()

    expect(receiver.deliveries).toHaveLength(1)
    const [delivery] = receiver.deliveries
    if (!delivery) throw new Error('no delivery')
    expect(delivery.method).toBe('POST')
    expect(delivery.path).toBe('/hooks/porchlight')
    expect(delivery.headers).toMatchObject({
      'content-type': 'application/json',
      'user-agent': 'Porchlight-Webhooks/1',
      'webhook-id': `job_${id}.webhook`,
      'webhook-timestamp': String(Math.floor(clock.now() / 1000)),
      'webhook-signature': expect.stringMatching(/^v1,[A-Za-z0-9+/]{43}=$/),
    })
    expect(JSON.parse(delivery.body)).toEqual({
      type: 'submission.created',
      timestamp: new Date(clock.now()).toISOString(),
      data: {
        id,
        form: 'contact',
        fields: { email: 'Ada@Example.org', message: 'Hello "webhook" ünïcode' },
        email: 'ada@example.org',
      },
    })

    expect(await verifyWithLibrary(delivery, secret, clock.now())).toBe(true)
    expect(verifyAsDocsShow(delivery.headers, delivery.body, secret)).toBe(true)
    // The secret to verify with is the one the owner's API shows for the form.
    expect((await (await owner.request('/forms/contact')).json()).webhookSecret).toBe(secret)
    // Neither accepts the delivery with another secret or another body.
    const wrong = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'
    expect(await verifyWithLibrary(delivery, wrong, clock.now())).toBe(false)
    expect(verifyAsDocsShow(delivery.headers, delivery.body, wrong)).toBe(false)
    expect(verifyAsDocsShow(delivery.headers, `${delivery.body} `, secret)).toBe(false)

    expect(await outboxRows(t, site)).toEqual([
      {
        id: `job_${id}.webhook`,
        kind: 'webhook',
        status: 'delivered',
        attempts: 1,
        lastError: null,
      },
    ])
  })

  it('a receiver that fails gets the same webhook-id again later, with a fresh timestamp', async () => {
    receiver.statuses.push(500)
    const id = await submitForId(t, site, 'contact', { message: 'Retry me' })
    await t.deps.outbox.kick()

    expect(receiver.deliveries).toHaveLength(1)
    expect(await outboxRows(t, site)).toEqual([
      {
        id: `job_${id}.webhook`,
        kind: 'webhook',
        status: 'pending',
        attempts: 1,
        lastError: 'The receiver answered HTTP 500.',
      },
    ])

    const firstAttemptAt = clock.now()
    clock.advance(20_000) // past the first backoff (15 s ± 20%)
    await t.deps.outbox.kick()

    const [first, second] = receiver.deliveries
    if (!first || !second) throw new Error('expected two deliveries')
    expect(receiver.deliveries).toHaveLength(2)
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id'])
    expect(second.headers['webhook-id']).toBe(`job_${id}.webhook`)
    expect(Number(second.headers['webhook-timestamp'])).toBe(
      Number(first.headers['webhook-timestamp']) + 20,
    )
    expect(second.body).toBe(first.body)
    expect(await verifyWithLibrary(first, secret, firstAttemptAt)).toBe(true)
    expect(await verifyWithLibrary(second, secret, clock.now())).toBe(true)
    expect(verifyAsDocsShow(second.headers, second.body, secret)).toBe(true)
    expect((await outboxRows(t, site))[0]).toMatchObject({
      status: 'delivered',
      attempts: 2,
      lastError: null,
    })
  })

  it('a rotated secret signs the retries that follow', async () => {
    receiver.statuses.push(503)
    await submitForId(t, site, 'contact', { message: 'Rotate' })
    await t.deps.outbox.kick()

    const rotated = await owner.request('/forms/contact/webhook-secret/rotate', { method: 'POST' })
    const { webhookSecret } = await rotated.json()
    expect(webhookSecret).not.toBe(secret)
    clock.advance(20_000)
    await t.deps.outbox.kick()

    const [before, after] = receiver.deliveries
    if (!before || !after) throw new Error('expected two deliveries')
    expect(verifyAsDocsShow(before.headers, before.body, secret)).toBe(true)
    expect(verifyAsDocsShow(after.headers, after.body, webhookSecret)).toBe(true)
    expect(verifyAsDocsShow(after.headers, after.body, secret)).toBe(false)
    expect(await verifyWithLibrary(after, webhookSecret, clock.now())).toBe(true)
    expect(await verifyWithLibrary(after, secret, clock.now())).toBe(false)
  })

  it('a redirect is not followed: it counts as a failed delivery', async () => {
    receiver.statuses.push(302)
    await submitForId(t, site, 'contact', { message: 'Redirected' })
    await t.deps.outbox.kick()
    expect(receiver.deliveries).toHaveLength(1)
    expect((await outboxRows(t, site))[0]).toMatchObject({
      status: 'pending',
      lastError: 'The receiver answered HTTP 302.',
    })
  })

  it('spam sends no webhook', async () => {
    await submitForId(t, site, 'contact', { message: 'Bot', _gotcha: 'x' })
    await t.deps.outbox.kick()
    expect(receiver.deliveries).toEqual([])
    expect(await outboxRows(t, site)).toEqual([])
  })

  it('without the operator’s opt-in, a loopback receiver is refused when the form is saved', async () => {
    const strict = await createTestApp({ clock })
    try {
      const strictOwner = ownerApi(strict, await createTestSite(strict))
      const res = await strictOwner.send('POST', '/forms', {
        id: 'contact',
        name: 'Contact',
        settings: { webhookUrl: receiver.url },
      })
      expect(res.status).toBe(422)
      expect(Object.keys((await res.json()).error.fields)).toEqual(['settings.webhookUrl'])
    } finally {
      await strict.close()
    }
  })
})
