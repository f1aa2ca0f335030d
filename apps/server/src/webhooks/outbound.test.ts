import { eq } from 'drizzle-orm'
import { afterEach, describe, expect, it } from 'vitest'
import { createTestApp, createTestSite, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { outboxRows, ownerApi, submitForId } from '../../test/helpers/owner-api.ts'
import { type Receiver, startReceiver } from '../../test/helpers/webhook-receiver.ts'
import { forms } from '../db/schema.ts'
import { type HostResolver, nodeWebhookPost } from './node-post.ts'

// Issue 9, item 4: "Webhook SSRF by name". `http://localhost.:PORT/` and any name resolving to a
// loopback or private address were accepted and delivered to, because only the literal host was
// checked, and only when saving. Now literal hosts are judged at save and at delivery, and on
// Node every address a name resolves to is judged at delivery, and the connection goes to the
// address judged. A resolver stand-in makes `hooks.example.test` resolve wherever a test needs;
// receivers are real HTTP(S) servers on loopback.

const name = 'hooks.example.test'

/** A resolver that answers `addresses` for `name` (and nothing else), recording each question. */
function resolverFor(addresses: string[]): HostResolver & { asked: string[] } {
  const asked: string[] = []
  const resolve = async (host: string) => {
    asked.push(host)
    if (host !== name) {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' })
    }
    return addresses
  }
  return Object.assign(resolve, { asked })
}

const open: Array<{ close(): Promise<void> }> = []
afterEach(async () => {
  for (const thing of open.splice(0).reverse()) await thing.close()
})

async function receiver(options: Parameters<typeof startReceiver>[0] = {}): Promise<Receiver> {
  const started = await startReceiver(options)
  open.push(started)
  return started
}

/** An app whose webhooks go out through the Node client with `resolve`, and a form posting to `url`. */
async function appPostingTo(
  url: string,
  options: { resolve?: HostResolver; allowPrivate?: boolean; nodeClient?: boolean } = {},
) {
  const allowPrivate = options.allowPrivate ?? false
  const t: TestApp = await createTestApp({
    clock: manualClock(Date.now()),
    handlers: { email: async () => {} },
    env: allowPrivate ? { ALLOW_PRIVATE_WEBHOOKS: 'true' } : {},
    ...(options.nodeClient !== false && {
      webhookPost: nodeWebhookPost({
        allowPrivate,
        ...(options.resolve && { resolve: options.resolve }),
      }),
    }),
  })
  open.push(t)
  const site = await createTestSite(t)
  const owner = ownerApi(t, site)
  await owner.createForm({ id: 'contact', name: 'Contact', settings: { webhookUrl: url } })
  /** Submits once and delivers: the webhook's outbox row afterwards. */
  async function submitAndDeliver() {
    await submitForId(t, site, 'contact', { message: 'Hello' })
    await t.deps.outbox.kick()
    const [row] = (await outboxRows(t, site)).filter((r) => r.kind === 'webhook')
    return row
  }
  return { t, site, owner, submitAndDeliver }
}

describe('names that resolve to private addresses (Node)', () => {
  it('refuses a name resolving to 127.0.0.1 at delivery: the receiver there sees nothing', async () => {
    const target = await receiver({ host: '127.0.0.1' })
    const resolve = resolverFor(['127.0.0.1'])
    const { owner, submitAndDeliver } = await appPostingTo(
      `http://${name}:${target.port}/hooks/porchlight`,
      { resolve },
    )

    expect(await submitAndDeliver()).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: `Refused: ${name} resolves to a loopback address; only public addresses may receive webhooks.`,
    })
    expect(target.deliveries).toEqual([])
    expect(resolve.asked).toEqual([name])
    // The owner sees why in the delivery log, and a retry is refused the same way.
    const dead = await (await owner.request('/outbox?status=dead')).json()
    expect(dead.items).toEqual([
      expect.objectContaining({ kind: 'webhook', lastError: expect.stringContaining('loopback') }),
    ])
  })

  it.each([
    ['a trailing-dot name', `${name}.`, ['127.0.0.1'], 'loopback'],
    ['IPv4-mapped IPv6 loopback', name, ['::ffff:127.0.0.1'], 'loopback'],
    ['the IPv6 loopback', name, ['::1'], 'loopback'],
    ['cloud metadata', name, ['169.254.169.254'], 'link-local (cloud metadata)'],
    ['AWS IPv6 metadata', name, ['fd00:ec2::254'], 'unique-local (private)'],
    ['NAT64 of a private address', name, ['64:ff9b::a00:5'], 'private'],
    ['a private address after a public one', name, ['93.184.215.14', '10.0.0.5'], 'private'],
    ['carrier-grade NAT', name, ['100.64.0.1'], 'carrier-grade NAT'],
  ])('refuses %s', async (_, host, addresses, kind) => {
    const target = await receiver({ host: '127.0.0.1' })
    const { submitAndDeliver } = await appPostingTo(`http://${host}:${target.port}/`, {
      resolve: resolverFor(addresses),
    })
    expect(await submitAndDeliver()).toMatchObject({
      status: 'dead',
      lastError: `Refused: ${name} resolves to a ${kind} address; only public addresses may receive webhooks.`,
    })
    expect(target.deliveries).toEqual([])
  })

  it.each([
    ['a name that does not resolve', 'unknown.example.test'],
    ['a name with no addresses', name],
  ])('retries %s: DNS trouble can pass', async (_, host) => {
    const { submitAndDeliver } = await appPostingTo(`https://${host}/`, {
      resolve: resolverFor([]),
    })
    expect(await submitAndDeliver()).toMatchObject({
      status: 'pending',
      lastError: 'The host name did not resolve.',
    })
  })
})

describe('the connection goes to the address that was judged', () => {
  it('delivers to the resolved address with the name in the Host header, resolving once', async () => {
    // 127.0.0.2 is loopback too, so private receivers must be allowed; the name resolves nowhere
    // but in the stand-in, so a delivery that arrives used the address the check saw.
    const target = await receiver({ host: '127.0.0.2' })
    const resolve = resolverFor(['127.0.0.2'])
    const { submitAndDeliver } = await appPostingTo(`http://${name}:${target.port}/in`, {
      resolve,
      allowPrivate: true,
    })

    expect(await submitAndDeliver()).toMatchObject({ status: 'delivered', lastError: null })
    expect(target.deliveries).toHaveLength(1)
    expect(target.deliveries[0]).toMatchObject({
      method: 'POST',
      path: '/in',
      localAddress: '127.0.0.2',
      headers: expect.objectContaining({
        host: `${name}:${target.port}`,
        'content-type': 'application/json',
        'webhook-signature': expect.stringMatching(/^v1,/),
      }),
    })
    expect(resolve.asked).toEqual([name])
  })

  it('verifies TLS for the name: SNI carries it, and an untrusted certificate fails', async () => {
    const target = await receiver({ host: '127.0.0.2', tls: true })
    const { submitAndDeliver } = await appPostingTo(`https://${name}:${target.port}/in`, {
      resolve: resolverFor(['127.0.0.2']),
      allowPrivate: true,
    })

    // The certificate is for the right name but signed by nobody the server trusts.
    expect(await submitAndDeliver()).toMatchObject({
      status: 'pending',
      lastError: "The receiver's TLS certificate was refused (DEPTH_ZERO_SELF_SIGNED_CERT).",
    })
    expect(target.serverNames).toEqual([name])
    expect(target.deliveries).toEqual([])
  })

  it('says in words why a connection failed, without the runtime’s own wording', async () => {
    const gone = await startReceiver({ host: '127.0.0.2' })
    await gone.close()
    const { submitAndDeliver } = await appPostingTo(`http://${name}:${gone.port}/in`, {
      resolve: resolverFor(['127.0.0.2']),
      allowPrivate: true,
    })
    expect(await submitAndDeliver()).toMatchObject({
      status: 'pending',
      lastError: 'The receiver refused the connection.',
    })
  })

  it('does not follow a redirect: a 3xx is a failed delivery', async () => {
    const elsewhere = await receiver({ host: '127.0.0.2' })
    const target = await receiver({
      host: '127.0.0.2',
      statuses: [302],
      location: `http://127.0.0.2:${elsewhere.port}/stolen`,
    })
    const { submitAndDeliver } = await appPostingTo(`http://${name}:${target.port}/in`, {
      resolve: resolverFor(['127.0.0.2']),
      allowPrivate: true,
    })

    expect(await submitAndDeliver()).toMatchObject({
      status: 'pending',
      lastError: 'The receiver answered HTTP 302.',
    })
    expect(target.deliveries).toHaveLength(1)
    expect(elsewhere.deliveries).toEqual([])
  })
})

describe('literal hosts', () => {
  it.each([
    'http://localhost.:PORT/',
    'http://LOCALHOST:PORT/',
    'http://2130706433:PORT/',
    'http://0x7f.1:PORT/',
    'http://127.1:PORT/',
    'http://[::ffff:127.0.0.1]:PORT/',
    'http://169.254.169.254/latest/meta-data/',
    'http://metadata.google.internal/',
    'http://metadata/',
  ])('refuses %s when the form is saved, storing nothing', async (spelled) => {
    const target = await receiver({ host: '127.0.0.1' })
    const url = spelled.replace('PORT', String(target.port))
    const t = await createTestApp()
    open.push(t)
    const owner = ownerApi(t, await createTestSite(t))

    const created = await owner.send('POST', '/forms', {
      id: 'contact',
      name: 'Contact',
      settings: { webhookUrl: url },
    })
    expect(created.status).toBe(422)
    expect((await created.json()).error.fields).toEqual({
      'settings.webhookUrl': expect.stringMatching(/^The host /),
    })
    expect(await (await owner.request('/forms')).json()).toMatchObject({ items: [] })

    await owner.createForm({ id: 'contact', name: 'Contact' })
    const patched = await owner.send('PATCH', '/forms/contact', { settings: { webhookUrl: url } })
    expect(patched.status).toBe(422)
    const stored = await (await owner.request('/forms/contact')).json()
    expect(stored.settings.webhookUrl).toBeUndefined()
  })

  it.each([
    ['the Node client', true],
    ['fetch, the client on Workers', false],
  ])('refuses a loopback URL stored before the check, at delivery, with %s', async (_, node) => {
    const target = await receiver({ host: '127.0.0.1' })
    const { t, site, submitAndDeliver } = await appPostingTo('https://hooks.example.com/', {
      nodeClient: node,
      resolve: resolverFor([]),
    })
    // As a row written by a version that checked less (or edited by hand) would hold it.
    const [form] = await t.deps.db.select().from(forms).where(eq(forms.siteId, site.id))
    await t.deps.db
      .update(forms)
      .set({
        settings: {
          ...(form?.settings as object),
          webhookUrl: `http://localhost.:${target.port}/`,
        },
      })
      .where(eq(forms.siteId, site.id))

    expect(await submitAndDeliver()).toMatchObject({
      status: 'dead',
      lastError: 'Refused: The host must be a public domain name, not a local one.',
    })
    expect(target.deliveries).toEqual([])
  })
})
