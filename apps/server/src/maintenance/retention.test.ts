import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, createTestSite, manualClock, type TestApp } from '../../test/helpers/app.ts'
import { dayMs, storedIds, storedRows } from '../../test/helpers/stored-rows.ts'

// Housekeeping as the outbox runner's tick runs it, against a real database and the app's clock:
// each kind of row goes once it is past its age and not a minute before, and rows of the same
// table that the rule does not cover (another status, unread, still valid) stay.

const minute = 60_000
let t: TestApp
let clock: ReturnType<typeof manualClock>
let siteId: string
let seed: ReturnType<typeof storedRows>

async function setUp(env: Record<string, string> = {}) {
  clock = manualClock()
  t = await createTestApp({ clock, env, handlers: {} })
  siteId = (await createTestSite(t)).id
  seed = storedRows(t.deps.db)
}

/** Moves the clock to `at` and runs the tick that housekeeping runs from. */
async function tickAt(at: number) {
  clock.advance(at - clock.now())
  await t.deps.outbox.tick()
}

afterEach(() => t.close())

describe('housekeeping removes each kind once past its age, and not before', () => {
  beforeEach(() => setUp())

  it('spam: 30 days after it was moved to the spam folder; other submissions stay', async () => {
    const start = clock.now()
    const spam = await seed.submission({
      siteId,
      formId: 'contact',
      status: 'spam',
      createdAt: start,
    })
    // Arrived long ago, marked as spam by the owner only now: it gets its 30 days from now.
    const markedLate = await seed.submission({
      siteId,
      formId: 'contact',
      status: 'spam',
      createdAt: start - 100 * dayMs,
      updatedAt: start,
    })
    const kept = await Promise.all(
      (['new', 'read', 'archived'] as const).map((status) =>
        seed.submission({ siteId, formId: 'contact', status, createdAt: start - 400 * dayMs }),
      ),
    )

    await tickAt(start + 30 * dayMs - minute)
    expect(await storedIds(t.client, 'submissions')).toEqual([...kept, spam, markedLate].sort())
    await tickAt(start + 30 * dayMs + minute)
    expect(await storedIds(t.client, 'submissions')).toEqual(kept.sort())
  })

  it('read notifications: 90 days after they were read; unread ones stay', async () => {
    const start = clock.now()
    const memberId = await seed.member(siteId)
    const read = await seed.notification({
      siteId,
      memberId,
      createdAt: start - dayMs,
      readAt: start,
    })
    const unread = await seed.notification({
      siteId,
      memberId,
      createdAt: start - 400 * dayMs,
      readAt: null,
    })

    await tickAt(start + 90 * dayMs - minute)
    expect(await storedIds(t.client, 'notifications')).toEqual([read, unread].sort())
    await tickAt(start + 90 * dayMs + minute)
    expect(await storedIds(t.client, 'notifications')).toEqual([unread])
  })

  it('outbox jobs: delivered after 14 days, dead after 60; pending ones stay', async () => {
    const start = clock.now()
    const delivered = await seed.job({ siteId, status: 'delivered', finishedAt: start })
    const dead = await seed.job({ siteId, status: 'dead', finishedAt: start })
    const pending = await seed.job({ siteId, status: 'pending', finishedAt: start - 400 * dayMs })

    await tickAt(start + 14 * dayMs - minute)
    expect(await storedIds(t.client, 'outbox')).toEqual([delivered, dead, pending].sort())
    await tickAt(start + 14 * dayMs + minute)
    expect(await storedIds(t.client, 'outbox')).toEqual([dead, pending].sort())
    await tickAt(start + 60 * dayMs - minute)
    expect(await storedIds(t.client, 'outbox')).toEqual([dead, pending].sort())
    await tickAt(start + 60 * dayMs + minute)
    expect(await storedIds(t.client, 'outbox')).toEqual([pending])
  })

  it('emailed links: once used, or once expired; a live one stays', async () => {
    const start = clock.now()
    const memberId = await seed.member(siteId)
    const link = { siteId, memberId, createdAt: start }
    // Used at once: gone at the first tick.
    await seed.link({ ...link, expiresAt: start + 30 * minute, usedAt: start })
    const expiring = await seed.link({ ...link, expiresAt: start + 30 * minute })
    const live = await seed.link({ ...link, expiresAt: start + 24 * 60 * minute })

    await tickAt(start + 30 * minute - 1)
    expect(await storedIds(t.client, 'member_tokens')).toEqual([expiring, live].sort())
    await tickAt(start + 30 * minute)
    expect(await storedIds(t.client, 'member_tokens')).toEqual([live])
  })

  it('passkey challenges and provider sign-in flows: once expired; live ones stay', async () => {
    const start = clock.now()
    const insert = (sql: string, id: string, expiresAt: number) =>
      t.client.execute({ sql, args: [id, siteId, start, expiresAt] })
    const challenge = `INSERT INTO passkey_challenges (id, site_id, purpose, created_at, expires_at)
                       VALUES (?, ?, 'sign_in', ?, ?)`
    const flow = `INSERT INTO oauth_flows (id, site_id, provider_id, purpose, code_verifier, nonce, browser_hash, return_to, created_at, expires_at)
                  VALUES (?, ?, 'github', 'sign_in', 'v', 'n', 'b', 'https://site.example/', ?, ?)`
    await insert(challenge, 'challenge-expiring', start + 5 * minute)
    await insert(challenge, 'challenge-live', start + 60 * minute)
    await insert(flow, 'flow-expiring', start + 10 * minute)
    await insert(flow, 'flow-live', start + 60 * minute)

    await tickAt(start + 5 * minute - 1)
    expect(await storedIds(t.client, 'passkey_challenges')).toEqual([
      'challenge-expiring',
      'challenge-live',
    ])
    await tickAt(start + 10 * minute - 1)
    expect(await storedIds(t.client, 'passkey_challenges')).toEqual(['challenge-live'])
    expect(await storedIds(t.client, 'oauth_flows')).toEqual(['flow-expiring', 'flow-live'])
    await tickAt(start + 10 * minute)
    expect(await storedIds(t.client, 'passkey_challenges')).toEqual(['challenge-live'])
    expect(await storedIds(t.client, 'oauth_flows')).toEqual(['flow-live'])
  })

  it('sessions: 30 days after their last use, or 90 days after sign-in, whichever is first', async () => {
    const start = clock.now()
    const memberId = await seed.member(siteId)
    const idle = await seed.session({ siteId, memberId, createdAt: start, lastUsedAt: start })
    // Used now and then, so never idle for long: it ends at its absolute lifetime.
    const busy = await seed.session({ siteId, memberId, createdAt: start, lastUsedAt: start })
    const use = (id: string) =>
      t.client.execute({
        sql: 'UPDATE sessions SET last_used_at = ? WHERE id = ?',
        args: [clock.now(), id],
      })

    await tickAt(start + 30 * dayMs - minute)
    expect(await storedIds(t.client, 'sessions')).toEqual([idle, busy].sort())
    await use(busy)
    await tickAt(start + 30 * dayMs)
    expect(await storedIds(t.client, 'sessions')).toEqual([busy])
    for (const day of [59, 80]) {
      await tickAt(start + day * dayMs)
      await use(busy)
    }
    await tickAt(start + 90 * dayMs - minute)
    const fresh = await seed.session({
      siteId,
      memberId,
      createdAt: clock.now(),
      lastUsedAt: clock.now(),
    })
    expect(await storedIds(t.client, 'sessions')).toEqual([busy, fresh].sort())
    await tickAt(start + 90 * dayMs)
    expect(await storedIds(t.client, 'sessions')).toEqual([fresh])
  })
})

describe('retention settings', () => {
  it('RETENTION_*=off keeps those rows for good; the others still go', async () => {
    await setUp({ RETENTION_SPAM_DAYS: 'off', RETENTION_DELIVERED_JOBS_DAYS: '1' })
    const start = clock.now()
    const spam = await seed.submission({
      siteId,
      formId: 'contact',
      status: 'spam',
      createdAt: start,
    })
    await seed.job({ siteId, status: 'delivered', finishedAt: start })

    await tickAt(start + 3650 * dayMs)
    expect(await storedIds(t.client, 'submissions')).toEqual([spam])
    expect(await storedIds(t.client, 'outbox')).toEqual([])
  })

  it('a failed run is logged and the next tick tries again', async () => {
    await setUp()
    const start = clock.now()
    const spam = await seed.submission({
      siteId,
      formId: 'contact',
      status: 'spam',
      createdAt: start,
    })
    await t.client.execute('ALTER TABLE submissions RENAME TO submissions_away')

    await expect(tickAt(start + 31 * dayMs)).resolves.toBeUndefined()
    expect(t.log.lines).toContainEqual(
      expect.objectContaining({ level: 'error', message: 'housekeeping failed' }),
    )
    await t.client.execute('ALTER TABLE submissions_away RENAME TO submissions')
    expect(await storedIds(t.client, 'submissions')).toEqual([spam])
    await tickAt(start + 31 * dayMs)
    expect(await storedIds(t.client, 'submissions')).toEqual([])
  })
})
