import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { type OwnerApi, outboxRows, ownerApi, submitForId } from '../../test/helpers/owner-api.ts'

// The inbox's bulk actions: what each does to each submission, the result it reports for each
// id, and the notifications a rescue from spam sends, once.

let t: TestApp
let site: TestSite
let owner: OwnerApi

beforeEach(async () => {
  // Deliveries are not this file's subject: the outbox hands them to handlers that accept all.
  const accept = async () => {}
  t = await createTestApp({ clock: manualClock(), handlers: { email: accept, webhook: accept } })
  site = await createTestSite(t, { name: 'Acme' })
  owner = ownerApi(t, site)
  await owner.createForm({
    id: 'contact',
    name: 'Contact',
    settings: {
      notify: ['owner@acme.example'],
      webhookUrl: 'https://hooks.acme.example/porchlight',
      rateLimits: { perAddressPerHour: 10_000, perFormPerHour: 10_000 },
    },
  })
})
afterEach(async () => {
  await t.close()
})

async function bulk(body: unknown) {
  const res = await owner.send('POST', '/submissions/bulk', body)
  return { status: res.status, body: await res.json() }
}

async function statuses() {
  const stored = await rows(
    t.deps.client,
    'SELECT id, status FROM submissions WHERE site_id = ?',
    site.id,
  )
  return Object.fromEntries(stored.map((r) => [r.id, r.status]))
}

const inbox = () => submitForId(t, site, 'contact', { msg: 'Hello' })
const spam = () => submitForId(t, site, 'contact', { msg: 'Buy now', _gotcha: 'x' })

describe('POST /v1/admin/submissions/bulk', () => {
  it('marks new submissions read, and says which it left alone or could not find', async () => {
    const a = await inbox()
    const b = await inbox()
    await owner.send('PATCH', `/submissions/${b}`, { status: 'read' })
    const junk = await spam()

    const res = await bulk({ ids: [a, b, junk, 'sub_nope', a], action: 'read' })
    expect(res).toEqual({
      status: 200,
      body: {
        results: [
          { id: a, result: 'done' },
          { id: b, result: 'unchanged' },
          { id: junk, result: 'unchanged' },
          { id: 'sub_nope', result: 'not_found' },
        ],
      },
    })
    // Marking read in the spam folder does not rescue anything.
    expect(await statuses()).toEqual({ [a]: 'read', [b]: 'read', [junk]: 'spam' })
  })

  it('archives and marks spam from any folder; neither announces anything', async () => {
    const a = await inbox()
    const junk = await spam()
    const before = (await outboxRows(t, site)).length

    expect((await bulk({ ids: [a, junk], action: 'archive' })).body.results).toEqual([
      { id: a, result: 'done' },
      { id: junk, result: 'done' },
    ])
    expect(await statuses()).toEqual({ [a]: 'archived', [junk]: 'archived' })
    expect((await bulk({ ids: [a, junk], action: 'spam' })).body.results).toEqual([
      { id: a, result: 'done' },
      { id: junk, result: 'done' },
    ])
    expect(await statuses()).toEqual({ [a]: 'spam', [junk]: 'spam' })
    expect(await outboxRows(t, site)).toHaveLength(before)
  })

  it('rescues spam as new, sending each missed notification and webhook once', async () => {
    const first = await spam()
    const second = await spam()
    const fine = await inbox()
    const queued = async () =>
      (await outboxRows(t, site)).map((r) => r.id).filter((id) => String(id).includes(first))
    expect(await queued()).toEqual([])

    expect((await bulk({ ids: [first, second, fine], action: 'not_spam' })).body.results).toEqual([
      { id: first, result: 'done' },
      { id: second, result: 'done' },
      { id: fine, result: 'unchanged' },
    ])
    expect(await statuses()).toEqual({ [first]: 'new', [second]: 'new', [fine]: 'new' })
    expect((await queued()).sort()).toEqual([`job_${first}.notify`, `job_${first}.webhook`])

    // Back to spam and rescued again: the notification went out already, nothing more.
    await bulk({ ids: [first], action: 'spam' })
    await bulk({ ids: [first], action: 'not_spam' })
    expect(await queued()).toHaveLength(2)
    const [row] = await rows(
      t.deps.client,
      'SELECT notified_at FROM submissions WHERE id = ?',
      first,
    )
    expect(row?.notified_at).toEqual(expect.any(Number))
  })

  it('deletes, and another site’s submissions are not found, nor touched', async () => {
    const other = await createTestSite(t, { name: 'Other' })
    await ownerApi(t, other).createForm({ id: 'contact', name: 'Contact' })
    const theirs = await submitForId(t, other, 'contact', { msg: 'Theirs' })
    const mine = await inbox()

    const res = await bulk({ ids: [mine, theirs], action: 'delete' })
    expect(res.body.results).toEqual([
      { id: mine, result: 'done' },
      { id: theirs, result: 'not_found' },
    ])
    expect(await statuses()).toEqual({})
    const [kept] = await rows(t.deps.client, 'SELECT status FROM submissions WHERE id = ?', theirs)
    expect(kept).toEqual({ status: 'new' })
  })

  it('takes at most 100 ids and a known action, and changes nothing otherwise', async () => {
    const a = await inbox()
    const tooMany = Array.from({ length: 101 }, (_, i) => `sub_${i}`)
    for (const body of [
      { ids: tooMany, action: 'read' },
      { ids: [], action: 'read' },
      { ids: [a], action: 'explode' },
      { ids: [a] },
      { ids: [a], action: 'read', extra: true },
    ]) {
      const res = await bulk(body)
      expect(res.status).toBe(422)
      expect(res.body.error.code).toBe('VALIDATION_FAILED')
    }
    expect(await statuses()).toEqual({ [a]: 'new' })
  })

  it('acts on a full page of 100 at once', async () => {
    const ids: string[] = []
    for (let n = 0; n < 100; n++) ids.push(await inbox())
    const res = await bulk({ ids, action: 'archive' })
    expect(res.status).toBe(200)
    expect(res.body.results.every((r: { result: string }) => r.result === 'done')).toBe(true)
    expect(new Set(Object.values(await statuses()))).toEqual(new Set(['archived']))
  })
})
