import type { D1Database } from '@cloudflare/workers-types'
import { eq } from 'drizzle-orm'
import { Miniflare } from 'miniflare'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { submissionsPage } from '../../src/contact/queries.ts'
import {
  createD1Database,
  type Database,
  d1SqlClient,
  type SqlClient,
} from '../../src/db/client.ts'
import { migrate } from '../../src/db/migrate.ts'
import { categories, outbox, posts, sites, submissions, threads } from '../../src/db/schema.ts'
import { hiddenPostsPage } from '../../src/forum/hidden-posts.ts'
import { logStatement, moderationLogPage } from '../../src/forum/moderation-log.ts'
import { deliveriesPage } from '../../src/outbox/queries.ts'
import { siteOverview } from '../../src/overview/overview.ts'
import { siteScope } from '../../src/sites/scope.ts'

// The owner console's own statements on D1 (workerd's SQLite in miniflare), from Node through
// the binding: the inbox's search (the trigram FTS5 index of migration 0010, its triggers, and
// the exact match after it), the overview's counts and the site's outbox backlog (numbered
// parameters), a form's deliveries by topic, hidden posts, and the moderation log naming an
// operator. The same statements run on libSQL in the features' own tests; D1's SQLite is built
// apart from libSQL's, so the tokenizer, the contentless delete and the parameters are proven
// here on the engine itself.

const day = 86_400_000
/** 2026-11-21 00:00 UTC: "today" in these tests. */
const today = Date.UTC(2026, 10, 21)
const now = today + 12 * 3_600_000
const scopeA = siteScope('site_a')

let mf: Miniflare
let db: Database
let client: SqlClient

beforeAll(async () => {
  mf = new Miniflare({
    workers: [
      {
        config: {
          name: 'd1-owner',
          compatibilityDate: '2026-11-01',
          env: { DB: { type: 'd1', id: 'porchlight-owner-test' } },
          manifest: {
            mainModule: 'index.js',
            modules: {
              'index.js': {
                type: 'esm',
                contents: new TextEncoder().encode(
                  'export default { fetch: () => new Response(null, { status: 204 }) }',
                ),
              },
            },
          },
        },
      },
    ],
    enableDevRegistry: false,
  })
  const binding = (await mf.getD1Database('DB')) as unknown as D1Database
  client = d1SqlClient(binding)
  await migrate(client)
  db = createD1Database(binding)
  for (const id of ['site_a', 'site_b']) {
    await db.insert(sites).values({
      id,
      name: id,
      publishableKey: `pk_${id}`,
      signingSecret: 's',
      createdAt: 1,
    })
  }
  let n = 0
  const submit = (
    siteId: string,
    data: Record<string, string>,
    options: { email?: string; spam?: string[]; at?: number } = {},
  ) => {
    n++
    return db.insert(submissions).values({
      id: `sub_${n}`,
      siteId,
      formId: 'contact',
      status: options.spam ? 'spam' : 'new',
      data,
      spamReasons: options.spam ?? [],
      email: options.email ?? null,
      contentHash: `h${n}`,
      createdAt: (options.at ?? now) + n,
      updatedAt: (options.at ?? now) + n,
    })
  }
  await submit(
    'site_a',
    { message: 'The invoice for March is attached' },
    { email: 'Ada@Example.org' },
  )
  await submit('site_a', { message: 'Grüße aus Köln', topic: 'Straße' }, { at: now - 2 * day })
  await submit('site_a', { first: 'abc', second: 'def' }, { spam: ['honeypot', 'too_fast'] })
  await submit('site_a', { message: 'Forget me' })
  await submit('site_b', { message: 'Another site’s invoice' })
  await db.delete(submissions).where(eq(submissions.id, 'sub_4'))
}, 60_000)

afterAll(async () => {
  await mf?.dispose()
})

async function search(q: string, siteId = 'site_a') {
  const rows = await submissionsPage(db, siteScope(siteId), { q }, 10)
  return rows.map((r) => r.id)
}

describe('the inbox search on D1', () => {
  it('finds a part of a value through the index, mid-word and ignoring case', async () => {
    expect(await search('INVOICE for')).toEqual(['sub_1'])
    expect(await search('nvoi')).toEqual(['sub_1'])
  })

  it('finds the sender’s address, characters outside ASCII, and texts too short to index', async () => {
    expect(await search('ada@example')).toEqual(['sub_1'])
    expect(await search('Grüße')).toEqual(['sub_2'])
    expect(await search('aß')).toEqual(['sub_2'])
  })

  it('matches within one value only, forgets deleted submissions, keeps to the site', async () => {
    expect(await search('abcdef')).toEqual([])
    expect(await search('first')).toEqual([])
    expect(await search('Forget me')).toEqual([])
    expect(await search('invoice', 'site_b')).toEqual(['sub_5'])
  })
})

describe('the overview and deliveries on D1', () => {
  it('counts the days and reads the site’s outbox as the metrics do', async () => {
    const job = (id: string, siteId: string, status: 'pending' | 'dead', attempts: number) =>
      db.insert(outbox).values({
        id,
        siteId,
        kind: 'webhook',
        payload: {},
        status,
        attempts,
        maxAttempts: 10,
        topic: 'form:contact',
        runAt: now + 60_000,
        createdAt: now - 600_000,
        updatedAt: now,
      })
    await job('job_1', 'site_a', 'dead', 10)
    await job('job_2', 'site_a', 'pending', 1)
    await job('job_3', 'site_b', 'dead', 10)

    const overview = await siteOverview({ db, client }, scopeA, { now, days: 7, utcOffset: 0 })
    expect(overview.series.at(-1)).toMatchObject({
      date: '2026-11-21',
      submissions: 2,
      spam: 1,
      spamByReason: { honeypot: 1, too_fast: 1, blocked_email: 0 },
    })
    expect(overview.series.at(-3)).toMatchObject({ date: '2026-11-19', submissions: 1 })
    expect(overview.totals).toMatchObject({ submissions: 3, spam: 1 })
    expect(overview.deliveries).toEqual({
      pending: 1,
      sending: 0,
      retrying: 1,
      dead: 1,
      oldestPendingSeconds: 600,
    })

    const first = await deliveriesPage(db, scopeA, { topic: 'form:contact', limit: 1 })
    expect(first.items).toHaveLength(1)
    const second = await deliveriesPage(db, scopeA, {
      topic: 'form:contact',
      cursor: first.nextCursor ?? '',
      limit: 1,
    })
    expect([...first.items, ...second.items].map((j) => j.id).sort()).toEqual(['job_1', 'job_2'])
    expect(second.nextCursor).toBeNull()
  })
})

describe('moderation on D1', () => {
  it('lists hidden posts a page at a time, and logs an operator by name', async () => {
    await db.insert(categories).values({
      id: 'cat_1',
      siteId: 'site_a',
      slug: 'general',
      name: 'General',
      createdAt: 1,
      updatedAt: 1,
    })
    await db.insert(threads).values({
      id: 'thr_1',
      siteId: 'site_a',
      categoryId: 'cat_1',
      title: 'A thread',
      postCount: 3,
      lastActivityAt: now,
      createdAt: now,
    })
    for (const [number, hidden] of [
      [1, true],
      [2, false],
      [3, true],
    ] as const) {
      await db.insert(posts).values({
        id: `pst_${number}`,
        siteId: 'site_a',
        threadId: 'thr_1',
        number,
        bodySource: 'Text',
        bodyHtml: '<p>Text</p>',
        hidden,
        hiddenReason: hidden ? 'Off topic' : null,
        createdAt: now + number,
      })
    }
    const first = await hiddenPostsPage(db, scopeA, { limit: 1 })
    expect(first.items.map((i) => i.post.id)).toEqual(['pst_3'])
    const second = await hiddenPostsPage(db, scopeA, { before: first.next ?? undefined, limit: 1 })
    expect(second.items.map((i) => i.post.id)).toEqual(['pst_1'])
    expect(second.items[0]).toMatchObject({
      post: { hidden: true, hiddenReason: 'Off topic', html: '<p>Text</p>' },
      thread: { id: 'thr_1', title: 'A thread' },
    })
    expect(second.next).toBeNull()

    await db.batch([
      logStatement(db, scopeA, {
        actor: { by: 'operator', operatorId: 'op_1', name: 'Mia Moderator' },
        action: 'post.hide',
        targetType: 'post',
        targetId: 'pst_1',
        reason: 'Off topic',
        now,
      }),
    ])
    expect(await moderationLogPage(db, scopeA, { limit: 5 })).toEqual([
      expect.objectContaining({
        by: 'operator',
        actor: null,
        operator: { id: 'op_1', name: 'Mia Moderator' },
        action: 'post.hide',
        details: {},
      }),
    ])
  })
})
