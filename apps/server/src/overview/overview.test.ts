import { sql } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { bearer } from '../../test/helpers/http.ts'
import { ownerApi, submitHtml } from '../../test/helpers/owner-api.ts'
import { dayMs, storedRows } from '../../test/helpers/stored-rows.ts'
import { type ForumFixture, forumFixture } from '../forum/moderation-test-helpers.ts'
import { outboxBacklogStatement } from '../metrics/outbox-backlog.ts'
import { siteScope } from '../sites/scope.ts'
import { overviewRange } from './overview.ts'
import { countsByDaySql } from './queries.ts'

let f: ForumFixture

beforeEach(async () => {
  f = await forumFixture()
})
afterEach(async () => {
  await f.t.close()
})

type Overview = {
  days: number
  from: number
  to: number
  series: {
    date: string
    submissions: number
    spam: number
    spamByReason: Record<string, number>
    signups: number
    posts: number
    flags: number
  }[]
  totals: Record<string, unknown>
  deliveries: Record<string, number>
}

async function overview(query = '') {
  const res = await f.t.app.request(`/v1/admin/overview${query}`, {
    headers: bearer(f.site.secretKey),
  })
  expect(res.status).toBe(200)
  return (await res.json()) as Overview
}

/** The test clock's today is 2026-11-21 (UTC); `daysAgo` moves the clock back and returns. */
async function onDay(daysAgo: number, act: () => unknown) {
  f.clock.advance(-daysAgo * dayMs)
  try {
    await act()
  } finally {
    f.clock.advance(daysAgo * dayMs)
  }
}

describe('GET /v1/admin/overview', () => {
  it('counts each day’s submissions, spam by reason, sign-ups, posts and flags', async () => {
    const owner = ownerApi(f.t, f.site)
    await owner.createForm({
      id: 'contact',
      name: 'Contact',
      settings: { spam: { blockedEmails: ['@spam.example'] } },
    })
    await onDay(2, async () => {
      await submitHtml(f.t, f.site, 'contact', { message: 'Two days ago' })
      await submitHtml(f.t, f.site, 'contact', { message: 'Bot', _gotcha: 'filled' })
      // Marked for two reasons: one spam submission, counted under each reason.
      await submitHtml(f.t, f.site, 'contact', {
        email: 'seller@spam.example',
        message: 'Cheap',
        _gotcha: 'filled',
      })
      await f.member({ ageMs: 0 })
    })
    await submitHtml(f.t, f.site, 'contact', { message: 'Today' })
    const author = await f.member({ ageMs: 10 * dayMs })
    const reader = await f.member({ ageMs: 0 })
    const { threadId, postId } = await f.thread(author, { ageMs: dayMs })
    await f.reply(threadId, author)
    const flagged = await f.send('POST', `/forum/posts/${postId}/flags`, reader.token, {
      reason: 'spam',
    })
    expect(flagged.status).toBe(201)

    const body = await overview('?days=7')
    expect(body.days).toBe(7)
    expect(body.series.map((d) => d.date)).toEqual([
      '2026-11-15',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-21',
    ])
    const day = (date: string) => body.series.find((d) => d.date === date)
    expect(day('2026-11-19')).toMatchObject({ submissions: 3, spam: 2, signups: 1, posts: 0 })
    expect(day('2026-11-19')?.spamByReason).toMatchObject({
      honeypot: 2,
      blocked_email: 1,
      too_fast: 0,
    })
    expect(day('2026-11-20')).toMatchObject({ submissions: 0, posts: 1, flags: 0 })
    expect(day('2026-11-21')).toMatchObject({ submissions: 1, spam: 0, signups: 1, posts: 1 })
    expect(day('2026-11-21')?.flags).toBe(1)
    // The author joined ten days ago: outside the week, so not in its totals.
    expect(body.totals).toMatchObject({ submissions: 4, spam: 2, signups: 2, posts: 2, flags: 1 })
  })

  it('leaves out what is older than the range, and days begin where the reader lives', async () => {
    const owner = ownerApi(f.t, f.site)
    await owner.createForm({ id: 'contact', name: 'Contact' })
    await onDay(8, () => submitHtml(f.t, f.site, 'contact', { message: 'Eight days ago' }))
    // 12:00 UTC today is 23:00 on the same day in UTC+11, and 01:00 tomorrow in UTC+13.
    await submitHtml(f.t, f.site, 'contact', { message: 'Noon UTC' })

    expect((await overview('?days=7')).totals).toMatchObject({ submissions: 1 })
    expect((await overview('?days=30')).totals).toMatchObject({ submissions: 2 })
    const east = await overview('?days=7&utcOffset=780')
    expect(east.series.at(-1)).toMatchObject({ date: '2026-11-22', submissions: 1 })
    const west = await overview('?days=7&utcOffset=-300')
    expect(west.series.at(-1)).toMatchObject({ date: '2026-11-21', submissions: 1 })
    expect(west.to - west.from).toBe(7 * dayMs)
  })

  it('reads the site’s deliveries as the metrics read the outbox, and no other site’s', async () => {
    const rows = storedRows(f.t.deps.db)
    const other = await createTestSite(f.t, { name: 'Other' })
    const now = f.clock.now()
    await rows.job({ siteId: f.site.id, status: 'dead', finishedAt: now - 60_000 })
    await rows.job({ siteId: f.site.id, status: 'dead', finishedAt: now - 60_000 })
    // Failed once, waiting for its retry: queued ten minutes ago.
    await rows.job({ siteId: f.site.id, status: 'pending', finishedAt: now - 599_000 })
    await rows.job({ siteId: other.id, status: 'dead', finishedAt: now })
    await rows.job({ siteId: other.id, status: 'pending', finishedAt: now - 3_600_000 })

    expect((await overview()).deliveries).toEqual({
      pending: 1,
      sending: 0,
      retrying: 1,
      dead: 2,
      oldestPendingSeconds: 600,
    })
  })

  it('answers 422 for a number of days it does not offer', async () => {
    for (const query of ['?days=14', '?days=abc', '?utcOffset=900']) {
      const res = await f.t.app.request(`/v1/admin/overview${query}`, {
        headers: bearer(f.site.secretKey),
      })
      expect(res.status).toBe(422)
      expect((await res.json()).error.code).toBe('VALIDATION_FAILED')
    }
  })

  it('reads every series through an index, never a scan of a table', async () => {
    const range = overviewRange(f.clock.now(), 90, 0)
    const plan = await f.t.deps.db.all<{ detail: string }>(
      sql`EXPLAIN QUERY PLAN ${countsByDaySql(siteScope(f.site.id), range)}`,
    )
    const details = plan.map((row) => row.detail)
    const scans = details.filter((d) => /^SCAN /.test(d))
    expect(scans).toEqual([])
    for (const index of [
      'submissions_site_created',
      'submissions_site_spam',
      'members_site_created',
      'posts_site_created',
      'flags_queue',
    ]) {
      expect(details.some((d) => d.includes(`INDEX ${index}`))).toBe(true)
    }
    const backlog = outboxBacklogStatement(f.clock.now(), f.site.id)
    const backlogPlan = await f.t.deps.client.execute({
      sql: `EXPLAIN QUERY PLAN ${backlog.sql}`,
      args: backlog.args,
    })
    const backlogDetails = backlogPlan.rows.map((row) => String(row.detail))
    expect(backlogDetails.filter((d) => /^SCAN (?!CONSTANT ROW)/.test(d))).toEqual([])
    expect(backlogDetails.filter((d) => d.includes('outbox')).length).toBe(5)
    expect(backlogDetails.every((d) => !d.includes('outbox') || d.includes('outbox_site'))).toBe(
      true,
    )
  })
})
