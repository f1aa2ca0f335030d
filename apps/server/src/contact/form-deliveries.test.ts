import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { type OwnerApi, ownerApi, submitForId } from '../../test/helpers/owner-api.ts'
import { type Receiver, startReceiver } from '../../test/helpers/webhook-receiver.ts'
import { verifyWebhook } from '../webhooks/signature.ts'

// Setting up a receiver from the console: a signed test event to a real HTTP receiver on
// loopback, and the form's delivery log, which shows the form's deliveries and nothing else.

type Delivery = {
  id: string
  kind: string
  status: string
  attempts: number
  lastError: string | null
}
type Page = { items: Delivery[]; nextCursor: string | null }

let receiver: Receiver
let t: TestApp
let clock: ReturnType<typeof manualClock>
let site: TestSite
let owner: OwnerApi
let secret: string

beforeEach(async () => {
  receiver = await startReceiver()
  // The real time: the receiver checks the signature's timestamp against it.
  clock = manualClock(Date.now())
  t = await createTestApp({
    clock,
    handlers: { email: async () => {} },
    env: { ALLOW_PRIVATE_WEBHOOKS: 'true' },
  })
  site = await createTestSite(t, { name: 'Acme' })
  owner = ownerApi(t, site)
  const form = await owner.createForm({
    id: 'contact',
    name: 'Contact',
    settings: { webhookUrl: receiver.url, notify: ['owner@acme.example'] },
  })
  secret = form.webhookSecret
})
afterEach(async () => {
  await t.deps.outbox.kick()
  await receiver.close()
  await t.close()
})

async function deliveries(formId: string, query = '') {
  const res = await owner.request(`/forms/${formId}/deliveries${query}`)
  expect(res.status).toBe(200)
  return (await res.json()) as Page
}

describe('POST /v1/admin/forms/{formId}/webhook/test', () => {
  it('sends a signed test event to the receiver and answers the delivery’s id', async () => {
    const res = await owner.send('POST', '/forms/contact/webhook/test')
    expect(res.status).toBe(202)
    const { jobId } = (await res.json()) as { jobId: string }
    await t.deps.outbox.kick()

    expect(receiver.deliveries).toHaveLength(1)
    const [delivery] = receiver.deliveries
    const headers = Object.fromEntries(
      Object.entries(delivery?.headers ?? {}).map(([k, v]) => [k, String(v)]),
    )
    expect(headers['webhook-id']).toBe(jobId)
    expect(
      await verifyWebhook({
        headers,
        body: delivery?.body ?? '',
        secret,
        nowSeconds: Date.now() / 1000,
      }),
    ).toBe(true)
    expect(JSON.parse(delivery?.body ?? '')).toMatchObject({
      type: 'test',
      data: { form: 'contact' },
    })
    const job = await owner.request(`/outbox/${jobId}`)
    expect(await job.json()).toMatchObject({ id: jobId, kind: 'webhook', status: 'delivered' })
  })

  it('tries a failing receiver once, and shows why in the delivery log', async () => {
    receiver.statuses.push(503)
    const res = await owner.send('POST', '/forms/contact/webhook/test')
    const { jobId } = (await res.json()) as { jobId: string }
    await t.deps.outbox.kick()

    const [item] = (await deliveries('contact')).items
    expect(item).toMatchObject({ id: jobId, status: 'dead', attempts: 1 })
    expect(item?.lastError).toContain('503')
  })

  it('refuses a form without a webhook, an unknown form, and a flood', async () => {
    await owner.createForm({ id: 'quiet', name: 'Quiet' })
    const none = await owner.send('POST', '/forms/quiet/webhook/test')
    expect(none.status).toBe(409)
    expect((await none.json()).error.code).toBe('WEBHOOK_NOT_SET')
    const missing = await owner.send('POST', '/forms/nope/webhook/test')
    expect(missing.status).toBe(404)
    expect((await missing.json()).error.code).toBe('FORM_NOT_FOUND')

    for (let n = 0; n < 10; n++) {
      expect((await owner.send('POST', '/forms/contact/webhook/test')).status).toBe(202)
    }
    const flood = await owner.send('POST', '/forms/contact/webhook/test')
    expect(flood.status).toBe(429)
    expect((await flood.json()).error.code).toBe('RATE_LIMITED')
    expect((await deliveries('contact')).items).toHaveLength(10)
  })
})

describe('GET /v1/admin/forms/{formId}/deliveries', () => {
  it('lists the form’s notifications and webhooks, newest first, and only the form’s', async () => {
    await owner.createForm({
      id: 'quote',
      name: 'Quote',
      settings: { notify: ['sales@acme.example'] },
    })
    const first = await submitForId(t, site, 'contact', { msg: 'first' })
    clock.advance(1000)
    await submitForId(t, site, 'quote', { msg: 'for sales' })
    clock.advance(1000)
    const second = await submitForId(t, site, 'contact', { msg: 'second' })
    // Spam is announced to nobody: nothing of it in the log.
    await submitForId(t, site, 'contact', { msg: 'bot', _gotcha: 'x' })

    const page = await deliveries('contact')
    expect(page.items.map((d) => d.id)).toEqual([
      `job_${second}.webhook`,
      `job_${second}.notify`,
      `job_${first}.webhook`,
      `job_${first}.notify`,
    ])
    expect((await deliveries('quote')).items.map((d) => d.kind)).toEqual(['email'])

    const one = await deliveries('contact', '?limit=3')
    expect(one.items).toHaveLength(3)
    const rest = await deliveries('contact', `?limit=3&cursor=${one.nextCursor}`)
    expect(rest).toEqual({ items: [page.items[3]], nextCursor: null })
  })

  it('answers 404 for another site’s form, and 400 for a cursor it did not give', async () => {
    const other = await createTestSite(t, { name: 'Other' })
    await ownerApi(t, other).createForm({ id: 'private', name: 'Private' })
    const res = await owner.request('/forms/private/deliveries')
    expect(res.status).toBe(404)
    expect((await res.json()).error.code).toBe('FORM_NOT_FOUND')
    const bad = await owner.request('/forms/contact/deliveries?cursor=bm9wZQ')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error.code).toBe('INVALID_CURSOR')
  })
})
