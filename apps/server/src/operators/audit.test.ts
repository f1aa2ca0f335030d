import { afterEach, describe, expect, it } from 'vitest'
import { referenceApp } from '../../scripts/openapi.ts'
import { bearer, jsonRequest, rows } from '../../test/helpers/http.ts'
import {
  addOperator,
  asOperator,
  type ConsoleHarness,
  consolePost,
  createConsoleHarness,
  operatorPassword,
  signInAs,
  totpCode,
} from '../../test/helpers/operators.ts'
import {
  type OwnerWorld,
  ownerWorld,
  pathFor,
  validChanges,
} from '../../test/helpers/owner-world.ts'
import { openApiDocument } from '../http/openapi-document.ts'
import { secretKeyHint } from '../sites/keys.ts'
import { openApiTemplate } from './matched-route.ts'

// The audit log: every change made through the owner API, by a secret key or an operator, is
// recorded with who, what, which row, from where; and no entry holds a password, token, secret
// or key.

const reference = referenceApp()
const document = await openApiDocument(reference.app, { version: 'test' })
reference.close()

const changes = [
  ...new Map(
    reference.app.routes
      .filter((r) => r.method !== 'ALL' && r.method !== 'GET' && r.path.startsWith('/v1/admin/'))
      .map((r) => [`${r.method} ${openApiTemplate(r.path)}`, r] as const),
  ).keys(),
]

function summaryOf(key: string): string {
  const [method = '', template = ''] = key.split(' ')
  const operation = (document.paths?.[template] as Record<string, { summary?: string }>)?.[
    method.toLowerCase()
  ]
  return operation?.summary ?? ''
}

let h: ConsoleHarness | undefined
afterEach(async () => {
  await h?.close()
  h = undefined
})

type Entry = {
  id: string
  actor: { type: string; id: string | null; label: string }
  action: string
  summary: string
  target: Record<string, string> | null
  details: Record<string, unknown> | null
  ip: string | null
  createdAt: number
}

describe('every change of the owner API', () => {
  it('has a request in the audit scenario (so each is proven below)', () => {
    expect(changes.length).toBeGreaterThan(20)
    const known = Object.keys(validChanges({ a: { submissionId: '' } } as OwnerWorld, 0))
    expect(changes.filter((key) => !known.includes(key))).toEqual([])
  })

  it('is recorded with the secret key as actor, the route, its target and the address', async () => {
    h = await createConsoleHarness()
    const world = await ownerWorld(h)
    const keyId = /^sk_([a-z2-7]+)_/.exec(h.site.secretKey)?.[1] ?? ''
    const bodies = validChanges(world, h.clock.now())
    for (const key of changes) {
      h.clock.advance(1)
      const [method = '', template = ''] = key.split(' ')
      const path = pathFor(world, method, template)
      const body = bodies[key]
      const headers = bearer(h.site.secretKey)
      const res = await h.t.app.request(
        path,
        body === null ? { method, headers } : jsonRequest(method, body, headers),
      )
      expect(res.status, `${key}: ${await res.clone().text()}`).toBeLessThan(300)
      const [entry] = await rows(
        h.t.client,
        'SELECT * FROM audit_log WHERE site_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
        h.site.id,
      )
      const target = Object.fromEntries(
        [...template.matchAll(/\{([^}]+)\}/g)].map((m, i) => [
          m[1],
          decodeURIComponent(
            path.split('/')[template.split('/').indexOf(`{${m[1]}}`)] ?? String(i),
          ),
        ]),
      )
      expect(entry, key).toMatchObject({
        actor_type: 'key',
        actor_id: keyId,
        actor_label: secretKeyHint(keyId),
        action: key,
        summary: summaryOf(key),
        target: Object.keys(target).length > 0 ? JSON.stringify(target) : null,
        ip: '203.0.113.9',
      })
      // Field names only, never values: a webhook URL may carry a token.
      if (body && typeof body === 'object') {
        expect(JSON.parse(String(entry?.details)).fields, key).toEqual(Object.keys(body))
      }
    }
  })

  it('is recorded with the operator as actor, readable by the site’s owners', async () => {
    h = await createConsoleHarness()
    const ann = await addOperator(h, {
      email: 'ann@example.com',
      roles: { [h.site.id]: 'owner' },
      totp: true,
    })
    const cookie = await signInAs(h, ann)
    await asOperator(h, cookie, h.site.id, 'POST', '/v1/admin/forms', {
      id: 'contact',
      name: 'Contact',
    })
    h.clock.advance(1)
    await h.t.app.request(
      '/v1/admin/forms/contact',
      jsonRequest('PATCH', { name: 'Write to us' }, bearer(h.site.secretKey)),
    )
    // A refused change is not one.
    await asOperator(h, cookie, h.site.id, 'POST', '/v1/admin/forms', {
      id: 'contact',
      name: 'Again',
    })

    const res = await asOperator(h, cookie, h.site.id, 'GET', '/v1/admin/audit-log')
    expect(res.status).toBe(200)
    const { entries } = (await res.json()) as { entries: Entry[] }
    expect(entries).toEqual([
      expect.objectContaining({
        actor: { type: 'key', id: expect.any(String), label: expect.stringMatching(/^sk_.+_…$/) },
        action: 'PATCH /v1/admin/forms/{formId}',
        summary: 'Change a form',
        target: { formId: 'contact' },
        details: { fields: ['name'] },
      }),
      expect.objectContaining({
        actor: { type: 'operator', id: ann.id, label: 'ann@example.com' },
        action: 'POST /v1/admin/forms',
        summary: 'Create a form',
        target: null,
        details: { fields: ['id', 'name'], createdId: 'contact' },
        ip: '203.0.113.9',
      }),
    ])
  })
})

describe('the audit log’s own route', () => {
  it('pages, filters by actor and action, and shows only this site', async () => {
    const harness = await createConsoleHarness()
    h = harness
    const world = await ownerWorld(harness)
    const ann = await addOperator(harness, {
      email: 'ann@example.com',
      roles: { [harness.site.id]: 'owner', [world.siteB.id]: 'owner' },
      totp: true,
    })
    const cookie = await signInAs(harness, ann)
    for (const name of ['One', 'Two', 'Three']) {
      harness.clock.advance(1000)
      await asOperator(harness, cookie, harness.site.id, 'PATCH', '/v1/admin/site', { name })
    }
    await asOperator(harness, cookie, world.siteB.id, 'PATCH', '/v1/admin/site', {
      name: 'B renamed',
    })

    const page = async (query: string) => {
      const res = await asOperator(
        harness,
        cookie,
        harness.site.id,
        'GET',
        `/v1/admin/audit-log${query}`,
      )
      expect(res.status).toBe(200)
      return (await res.json()) as { entries: Entry[]; nextCursor: string | null }
    }
    const mine = await page(
      `?actor=${ann.id}&action=${encodeURIComponent('PATCH /v1/admin/site')}&limit=2`,
    )
    expect(mine.entries.map((e) => e.details)).toEqual([{ fields: ['name'] }, { fields: ['name'] }])
    expect(mine.entries[0]?.createdAt).toBeGreaterThan(mine.entries[1]?.createdAt ?? 0)
    const rest = await page(
      `?actor=${ann.id}&action=${encodeURIComponent('PATCH /v1/admin/site')}&limit=2&cursor=${mine.nextCursor}`,
    )
    expect(rest.entries).toHaveLength(1)
    expect(rest.nextCursor).toBeNull()
    // Site B's entry is B's alone; the world's setup on A is there, by the secret key.
    const all = await page('?limit=100')
    expect(
      all.entries.every((e) => e.action !== 'PATCH /v1/admin/site' || e.actor.id === ann.id),
    ).toBe(true)
    expect(all.entries.filter((e) => e.action === 'PATCH /v1/admin/site')).toHaveLength(3)
    expect(all.entries.some((e) => e.actor.type === 'key')).toBe(true)

    const badCursor = await asOperator(
      harness,
      cookie,
      harness.site.id,
      'GET',
      '/v1/admin/audit-log?cursor=nonsense',
    )
    expect(badCursor.status).toBe(400)
  })
})

it('records no password, token, secret, key or code anywhere in the log', async () => {
  h = await createConsoleHarness({ env: { OPERATOR_TOTP: 'optional' } })
  const secrets: string[] = [
    h.site.secretKey,
    h.site.secretKey.split('_')[2] ?? '',
    operatorPassword,
  ]
  const ann = await addOperator(h, { email: 'ann@example.com', roles: { [h.site.id]: 'owner' } })
  const cookie = await signInAs(h, ann)
  secrets.push(cookie.split('=')[1] ?? '')
  // A wrong password typed, the TOTP key and its recovery codes, an invite, a key, a webhook secret.
  await consolePost(h, '/v1/operator/sign-in', {
    email: 'ann@example.com',
    password: 'Typo-password-1',
  })
  secrets.push('Typo-password-1')
  const setup = (await (await consolePost(h, '/v1/operator/totp/setup', {}, cookie)).json()) as {
    secret: string
  }
  secrets.push(setup.secret)
  const confirmed = await consolePost(
    h,
    '/v1/operator/totp/confirm',
    { code: totpCode(setup.secret, h.clock.now()) },
    cookie,
  )
  secrets.push(...((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes)
  const regenerated = await consolePost(
    h,
    '/v1/operator/recovery-codes',
    { password: operatorPassword },
    cookie,
  )
  secrets.push(...((await regenerated.json()) as { recoveryCodes: string[] }).recoveryCodes)
  await asOperator(h, cookie, h.site.id, 'POST', '/v1/admin/operator-invites', {
    email: 'eve@example.com',
    role: 'editor',
  })
  const [mail] = await rows(h.t.client, "SELECT payload FROM outbox WHERE kind = 'email'")
  const inviteToken = /invite\/([a-z2-7.]+)/.exec(String(mail?.payload))?.[1] ?? ''
  secrets.push(inviteToken)
  await consolePost(h, '/v1/operator/invites/accept', {
    token: inviteToken,
    name: 'Eve',
    password: 'Eve’s own long passphrase',
  })
  secrets.push('Eve’s own long passphrase')
  const key = (await (
    await asOperator(h, cookie, h.site.id, 'POST', '/v1/admin/keys', { label: 'CI' })
  ).json()) as { key: string }
  secrets.push(key.key)
  await asOperator(h, cookie, h.site.id, 'POST', '/v1/admin/forms', {
    id: 'contact',
    name: 'Contact',
    settings: { webhookUrl: 'https://hooks.example/in?token=hook-token-123' },
  })
  secrets.push('hook-token-123')
  const rotated = (await (
    await asOperator(h, cookie, h.site.id, 'POST', '/v1/admin/forms/contact/webhook-secret/rotate')
  ).json()) as { webhookSecret: string }
  secrets.push(rotated.webhookSecret)
  const site = (await (
    await consolePost(h, '/v1/operator/sites', { name: 'Another', origins: [] }, cookie)
  ).json()) as { secretKey: string }
  secrets.push(site.secretKey)

  const log = JSON.stringify(await rows(h.t.client, 'SELECT * FROM audit_log'))
  expect(log).toContain('Create a secret key')
  expect(log).toContain('Accept an invite')
  expect(log).toContain('Create a site')
  expect(log).toContain('Make new recovery codes')
  for (const secret of secrets.filter((s) => s.length >= 8)) expect(log).not.toContain(secret)
})
