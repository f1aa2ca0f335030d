// docs/contact-forms.md's samples (issue 15, item 9), in its order, as a reader runs them after
// `npm start`: a site of their own from the CLI, its form from the curl sample, a spam submission
// rescued, a dead delivery retried, and the webhook receiver's `verify` run on a delivery the
// server really signed and sent. The catalogue of every sample: doc-samples/catalogue.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  removeSampleFiles,
  runSample,
  sampleModules,
  sampleScope,
} from '../../../packages/sdk/test/readme-sample-modules.ts'
import { documentBlocks } from './doc-samples/catalogue.ts'
import { type ReaderWorld, startReaderWorld } from './doc-samples/reader-world.ts'
import { bearer, rows } from './helpers/http.ts'
import { type CommandLine, commandLines } from './helpers/readme-commands.ts'
import { type Receiver, startReceiver } from './helpers/webhook-receiver.ts'

// Each CLI sample is a Node process of its own: a minute per test leaves room for a busy machine.
const blocks = documentBlocks()
const sample = (section: string, n = 1) => {
  const block = blocks.get(`docs/contact-forms.md § ${section} #${n}`)
  if (!block) throw new Error(`no sample #${n} in "${section}"`)
  return block
}
const commands = (section: string, n = 1) => commandLines(sample(section, n).code)

let world: ReaderWorld
let receiver: Receiver
const site = { publishableKey: '', secretKey: '' }
const owner = () => bearer(site.secretKey)
const json = { 'content-type': 'application/json' }

beforeAll(async () => {
  // The webhook receiver listens on 127.0.0.1, which a deployment refuses unless told otherwise.
  world = await startReaderWorld({ ALLOW_PRIVATE_WEBHOOKS: 'true' })
  receiver = await startReceiver()
}, 60_000)
afterAll(async () => {
  removeSampleFiles()
  await receiver?.close()
  await world?.close()
})

describe('docs/contact-forms.md', { timeout: 60_000 }, () => {
  it('1. Create a form: a site of one’s own, then its form, with its key', async () => {
    const [create] = commands('1. Create a form (owner, secret key)', 1)
    const made = await world.cli(create as CommandLine)
    expect(made.code, made.err).toBe(0)
    site.publishableKey = /publishable key:\s+(pk_[a-z0-9]+)/.exec(made.out)?.[1] ?? ''
    site.secretKey = /secret key:\s+(sk_[a-z0-9_]+)/.exec(made.out)?.[1] ?? ''
    expect(site.publishableKey && site.secretKey, made.out).toBeTruthy()
    world.placeholders.set('sk_…', site.secretKey)

    const [form] = commands('1. Create a form (owner, secret key)', 2)
    const { status, body } = await world.curl(form as CommandLine)
    expect(status, JSON.stringify(body)).toBe(201)
    expect(body).toMatchObject({ id: 'contact', settings: { notify: ['you@example.com'] } })
  })

  it('1. …and with the demo site’s key, the form exists already, as the text says', async () => {
    const [form] = commands('1. Create a form (owner, secret key)', 2)
    world.placeholders.set('sk_…', world.demo.secretKey)
    try {
      const { status, body } = await world.curl(form as CommandLine)
      expect(status).toBe(409)
      expect(body).toMatchObject({ error: { code: 'FORM_EXISTS' } })
    } finally {
      world.placeholders.set('sk_…', site.secretKey)
    }
  })

  it('3. Spam: a submission caught by the honeypot is rescued, and its notification sent', async () => {
    const caught = await world.api('/v1/forms/contact/submissions', {
      method: 'POST',
      headers: { ...json, 'X-Porchlight-Key': site.publishableKey, Origin: 'https://example.com' },
      body: JSON.stringify({ email: 'ann@example.com', message: 'Hello', _gotcha: 'x' }),
    })
    expect(caught.status).toBe(201)
    const { id } = (await caught.json()) as { id: string }
    world.placeholders.set('sub_…', id)
    // The world's only submissions are this document's: its emails are this site's.
    const emails = () =>
      rows(world.server.deps.client, "SELECT id FROM outbox WHERE kind = 'email'")
    expect(await emails()).toEqual([])

    const [rescue] = commands('3. Spam')
    const { status, body } = await world.curl(rescue as CommandLine)
    expect(status, JSON.stringify(body)).toBe(200)
    expect(body).toMatchObject({ id, status: 'new' })
    expect(await emails()).toHaveLength(1)
  })

  it('5. Deliveries: the dead ones listed, one retried', async () => {
    const [job] = (await rows(
      world.server.deps.client,
      "SELECT id FROM outbox WHERE kind = 'email'",
    )) as {
      id: string
    }[]
    // A delivery that used its last attempt: the state the sample is for, set directly rather
    // than waited for through two hours of retries.
    await world.server.deps.client.execute({
      sql: "UPDATE outbox SET status = 'dead', attempts = 10 WHERE id = ?",
      args: [job?.id as string],
    })
    world.placeholders.set('job_…', job?.id as string)

    const [list, retry] = commands('5. Deliveries: email and webhooks')
    const listed = await world.curl(list as CommandLine)
    expect(listed.status).toBe(200)
    expect(listed.body).toMatchObject({ items: [{ id: job?.id, status: 'dead' }] })
    const retried = await world.curl(retry as CommandLine)
    expect(retried.status, JSON.stringify(retried.body)).toBeGreaterThanOrEqual(200)
    expect(retried.status).toBeLessThan(300)
    const after = await world.curl(list as CommandLine)
    expect(after.body).toMatchObject({ items: [] })
  })

  it('Webhooks: the body is the one shown, and verify() accepts the server’s signature only', async () => {
    const patched = await world.api('/v1/admin/forms/contact', {
      method: 'PATCH',
      headers: { ...owner(), ...json },
      body: JSON.stringify({ settings: { webhookUrl: receiver.url } }),
    })
    expect(patched.status).toBe(200)
    const { webhookSecret } = (await patched.json()) as { webhookSecret: string }
    // Sent by the site's own server, with its secret key: a message, not spam.
    const sent = await world.api('/v1/forms/contact/submissions', {
      method: 'POST',
      headers: { ...owner(), ...json },
      body: JSON.stringify({ email: 'bea@example.com', message: 'Is the porch open?' }),
    })
    expect(sent.status).toBe(201)
    await world.server.deps.outbox.kick()
    await expect.poll(() => receiver.deliveries.length).toBeGreaterThan(0)
    const [delivery] = receiver.deliveries
    if (!delivery) throw new Error('no delivery')

    expect(shape(JSON.parse(delivery.body))).toEqual(shape(JSON.parse(sample('Webhooks', 1).code)))

    const [module] = sampleModules([sample('Webhooks', 2)])
    await runSample(module as NonNullable<typeof module>, 'docs/contact-forms.md', (code) => code)
    const verify = sampleScope().verify as (
      headers: Record<string, unknown>,
      rawBody: string,
      secret: string,
    ) => boolean
    expect(verify(delivery.headers, delivery.body, webhookSecret)).toBe(true)
    expect(
      verify(delivery.headers, delivery.body.replace('Is the', 'Was the'), webhookSecret),
    ).toBe(false)
  })
})

/** A JSON value's structure: its keys, and the type of each leaf. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, shape(inner)]))
  }
  return typeof value
}
