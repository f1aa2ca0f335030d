import { and, eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { manualClock } from '../../test/helpers/app.ts'
import type { TestMember } from '../../test/helpers/members.ts'
import {
  type ReceivedMessage,
  startTestSmtpServer,
  type TestSmtpServer,
} from '../../test/helpers/smtp.ts'
import { members, notifications, outbox, posts, sites, watches } from '../db/schema.ts'
import { createSmtpTransport, type SmtpTransport } from '../mail/smtp.ts'
import { type ForumWorld, forumWorld } from './notification-test-helpers.ts'

// Email notifications end to end: posts through the API, the outbox delivering `forum.digest`
// jobs when the test clock passes the end of a quiet period, a real SMTP server receiving the
// mail, and the member following the unsubscribe link as their mail client would.

const quietMs = 15 * 60_000
// The manual clock starts on a quiet-period boundary (12:00 UTC); periods end at :15, :30, …
const clock = manualClock()
let smtp: TestSmtpServer
let mail: SmtpTransport
let w: ForumWorld
let ann: TestMember
let bob: TestMember
let carl: TestMember
let thread: { id: string; postId: string }

/** Moves the clock past the end of the current quiet period and delivers what came due. */
async function endQuietPeriod() {
  const now = clock.now()
  clock.advance(quietMs - (now % quietMs) + 1000)
  await w.t.deps.outbox.kick()
}

async function mailTo(member: TestMember, count: number): Promise<ReceivedMessage[]> {
  await new Promise((resolve) => setTimeout(resolve, 50))
  const found = smtp.received.filter((m) => m.recipients.includes(member.email))
  expect(found).toHaveLength(count)
  return found
}

const text = (m: ReceivedMessage | undefined) => m?.parts.get('text/plain') ?? ''

/** The path and query of the one-click link, for `app.request`. */
function unsubscribeLink(m: ReceivedMessage | undefined) {
  const header = m?.headers.get('list-unsubscribe') ?? ''
  const url = new URL(/^<(.+)>$/.exec(header)?.[1] ?? 'https://invalid.example/')
  expect(url.origin).toBe('https://api.example')
  return `${url.pathname}${url.search}`
}

beforeEach(async () => {
  smtp = await startTestSmtpServer()
  mail = createSmtpTransport({ url: smtp.url, timeoutMs: 2000, sendTimeoutMs: 5000 })
  w = await forumWorld(clock, { mail }) // PUBLIC_URL is https://api.example
  ann = await w.member()
  bob = await w.member()
  carl = await w.member()
  // Start each test at the beginning of a quiet period.
  clock.advance(quietMs - (clock.now() % quietMs))
  thread = await w.startThread(ann, 'How do I fix a squeaky porch step?', 'Squeaky steps')
})

afterEach(async () => {
  await mail?.close()
  await smtp?.close()
  await w?.t.close()
})

describe('coalesced reply emails', () => {
  it('sends one email for three replies in one quiet period, another for the next period', async () => {
    for (const [i, author] of [bob, carl, bob].entries()) {
      clock.advance(60_000)
      await w.reply(author, thread.id, `Reply number ${i + 1}: try a screw into the joist`)
    }
    const annJobs = (await w.digestJobs()).filter(
      (j) => (j.payload as { memberId: string }).memberId === ann.id,
    )
    expect(annJobs).toHaveLength(1)
    expect(annJobs[0]?.id).toMatch(new RegExp(`^job_digest\\.${ann.id}\\.${thread.id}\\.\\d+$`))

    // Nothing goes out while the period lasts.
    await w.t.deps.outbox.kick()
    await mailTo(ann, 0)

    await endQuietPeriod()
    const [first] = await mailTo(ann, 1)
    expect(first?.headers.get('subject')).toBe('New replies in Squeaky steps')
    expect(text(first)).toContain('There are 3 new posts in “Squeaky steps”')
    for (const n of [1, 2, 3]) expect(text(first)).toContain(`Reply number ${n}:`)
    expect(first?.headers.get('list-unsubscribe')).toMatch(
      /^<https:\/\/api\.example\/v1\/notifications\/unsubscribe\?token=[\w.-]+>$/,
    )
    expect(first?.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click')
    expect(first?.headers.get('auto-submitted')).toBe('auto-generated')
    // Without a post URL template, links go to the site itself (its first allowed origin).
    expect(text(first)).toContain('Read the thread: https://site.example')
    // Bob watches too (he replied) and hears of Carl's reply, not of his own two.
    const [bobs] = await mailTo(bob, 1)
    expect(text(bobs)).toContain('Reply number 2:')
    expect(text(bobs)).not.toContain('Reply number 1:')
    const [watch] = await w.t.deps.db
      .select()
      .from(watches)
      .where(and(eq(watches.threadId, thread.id), eq(watches.memberId, ann.id)))
    expect(watch?.lastEmailedAt).not.toBeNull()

    // Delivered jobs run again (a retry) find nothing left and send nothing.
    await w.t.deps.db
      .update(outbox)
      .set({ status: 'pending' })
      .where(eq(outbox.kind, 'forum.digest'))
    await w.t.deps.outbox.kick()
    await mailTo(ann, 1)

    clock.advance(60_000)
    await w.reply(carl, thread.id, 'Reply number 4: or glue the tread')
    await endQuietPeriod()
    const [, second] = await mailTo(ann, 2)
    expect(text(second)).toContain('There is a new post in “Squeaky steps”')
    expect(text(second)).toContain('Reply number 4:')
    expect(text(second)).not.toContain('Reply number 3:')
  })

  it('stops a thread’s emails after the one-click unsubscribe; forged tokens are refused', async () => {
    await w.reply(bob, thread.id, 'First reply')
    await endQuietPeriod()
    const [message] = await mailTo(ann, 1)
    const link = unsubscribeLink(message)

    // A link scanner's GET changes nothing; it shows a page with a confirm button.
    const page = await w.t.app.request(link)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<form method="post"')
    expect(html).toContain('Squeaky steps')
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
    expect(
      await w.call('GET', `/v1/forum/threads/${thread.id}/watch`, { token: ann.token }),
    ).toMatchObject({
      body: { level: 'watching' },
    })

    // The mail client's one-click POST: no key, no session, no Origin.
    const forged = link.replace(/\.([\w-])/, (_, c: string) => `.${c === 'A' ? 'B' : 'A'}`)
    // Ann's genuine signature on claims that name Bob instead.
    const token = new URL(link, 'https://api.example').searchParams.get('token') ?? ''
    const [claims = '', mac = ''] = token.split('.')
    const bobsClaims = Buffer.from(claims, 'base64url').toString().replace(ann.id, bob.id)
    const swapped = `/v1/notifications/unsubscribe?token=${Buffer.from(bobsClaims).toString('base64url')}.${mac}`
    for (const bad of [
      forged,
      swapped,
      '/v1/notifications/unsubscribe?token=nope',
      '/v1/notifications/unsubscribe',
    ]) {
      const res = await w.t.app.request(bad, { method: 'POST' })
      expect(res.status).toBe(400)
      expect(await res.json()).toMatchObject({ error: { code: 'INVALID_TOKEN' } })
    }
    const res = await w.t.app.request(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Unsubscribed')
    expect(
      await w.call('GET', `/v1/forum/threads/${thread.id}/watch`, { token: ann.token }),
    ).toMatchObject({
      body: { level: 'normal' },
    })

    clock.advance(60_000)
    await w.reply(carl, thread.id, 'Second reply')
    await endQuietPeriod()
    await mailTo(ann, 1)
    // Bob still watches and still gets mail.
    await mailTo(bob, 1)
  })

  it('a token signed for another site does not verify', async () => {
    await w.reply(bob, thread.id, 'First reply')
    await endQuietPeriod()
    const [message] = await mailTo(ann, 1)
    await w.t.deps.db.update(sites).set({ signingSecret: 'rotated' }).where(eq(sites.id, w.site.id))
    const res = await w.t.app.request(unsubscribeLink(message), { method: 'POST' })
    expect(res.status).toBe(400)
  })

  it('sends no email when the member turned reply emails off, but still notifies in the app', async () => {
    const patched = await w.call('PATCH', '/v1/notifications/preferences', {
      token: ann.token,
      body: { email: { replies: false } },
    })
    expect(patched).toMatchObject({
      status: 200,
      body: { email: { replies: false, mentions: true, quotes: true } },
    })
    const replyId = await w.reply(bob, thread.id, 'A reply Ann will only see in the app')
    expect(await w.notifiedFor(replyId)).toEqual({ [ann.id]: 'reply' })
    const jobs = await w.digestJobs()
    expect(jobs.map((j) => (j.payload as { memberId: string }).memberId)).not.toContain(ann.id)
    // Mentions are still on.
    await w.reply(carl, thread.id, `@${ann.username} have a look`)
    await endQuietPeriod()
    const [message] = await mailTo(ann, 1)
    expect(text(message)).toContain('mentioned you')
    expect(text(message)).not.toContain('only see in the app')
  })

  it('turning mail off between the post and the email stops it', async () => {
    await w.reply(bob, thread.id, 'A reply')
    await w.call('PATCH', '/v1/notifications/preferences', {
      token: ann.token,
      body: { email: { replies: false } },
    })
    await endQuietPeriod()
    await mailTo(ann, 0)
  })

  it('leaves out posts hidden or read in the app before the email goes out, and skips an empty one', async () => {
    const hiddenId = await w.reply(bob, thread.id, 'Spam that a moderator hides')
    const readId = await w.reply(carl, thread.id, 'Read already in the app')
    await w.reply(bob, thread.id, 'Still worth an email')
    await w.t.deps.db.update(posts).set({ hidden: true }).where(eq(posts.id, hiddenId))
    const [readOne] = await w.t.deps.db
      .select({ id: notifications.id })
      .from(notifications)
      .where(and(eq(notifications.postId, readId), eq(notifications.memberId, ann.id)))
    expect(
      await w.call('POST', '/v1/notifications/read', {
        token: ann.token,
        body: { ids: [readOne?.id] },
      }),
    ).toMatchObject({ status: 204 })
    // Carl's digest held only Bob's posts; one is hidden, the other stays.
    await endQuietPeriod()
    const [message] = await mailTo(ann, 1)
    expect(text(message)).toContain('Still worth an email')
    expect(text(message)).not.toContain('Spam')
    expect(text(message)).not.toContain('Read already')

    clock.advance(60_000)
    const onlyHidden = await w.reply(bob, thread.id, 'More spam')
    await w.t.deps.db.update(posts).set({ hidden: true }).where(eq(posts.id, onlyHidden))
    await endQuietPeriod()
    await mailTo(ann, 1)
  })

  it('mails a mentioned member who does not watch, with one-click unsubscribe from all', async () => {
    await w.reply(bob, thread.id, `@${carl.username} you know porches`)
    await endQuietPeriod()
    const [message] = await mailTo(carl, 1)
    expect(text(message)).toContain('mentioned you')
    const res = await w.t.app.request(unsubscribeLink(message), { method: 'POST' })
    expect(res.status).toBe(200)
    expect(
      await w.call('GET', '/v1/notifications/preferences', { token: carl.token }),
    ).toMatchObject({
      body: { email: { replies: false, mentions: false, quotes: false } },
    })
  })

  it('links each post through the site’s post URL template', async () => {
    await w.t.deps.db
      .update(sites)
      .set({ forumSettings: { postUrlTemplate: 'https://site.example/forum?post={post}' } })
      .where(eq(sites.id, w.site.id))
    const replyId = await w.reply(bob, thread.id, 'Linked reply')
    await endQuietPeriod()
    const [message] = await mailTo(ann, 1)
    expect(text(message)).toContain(`Linked reply\n  https://site.example/forum?post=${replyId}`)
    expect(text(message)).toContain(`Read the thread: https://site.example/forum?post=${replyId}`)
  })

  it('sends nothing to a member suspended before the email goes out', async () => {
    await w.reply(bob, thread.id, 'A reply')
    await w.t.deps.db
      .update(members)
      .set({ status: 'suspended', suspendedUntil: clock.now() + 86_400_000 })
      .where(eq(members.id, ann.id))
    await endQuietPeriod()
    await mailTo(ann, 0)
    const jobs = await w.digestJobs()
    expect(jobs.map((j) => j.status)).toEqual(['delivered'])
  })

  it('queues no email for an unconfirmed address, only the in-app notification', async () => {
    const dana = await w.member({ verified: false })
    const replyId = await w.reply(bob, thread.id, `@${dana.username} welcome`)
    expect(await w.notifiedFor(replyId)).toEqual({ [ann.id]: 'reply', [dana.id]: 'mention' })
    const jobs = await w.digestJobs()
    expect(jobs.map((j) => (j.payload as { memberId: string }).memberId)).toEqual([ann.id])
  })
})
