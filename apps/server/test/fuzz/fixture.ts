// The world the route fuzz runs in: a real app on a temp libSQL file with one site holding a
// form, a submission, members of each role, a category, a thread with a reply, a delivery in the
// outbox and a second secret key. Its ids fill path parameters, so requests reach real rows.
// What the fuzz acts with (the owner's key, the signed-in members) is kept out of the id pools,
// so a generated DELETE can remove a victim but never the fuzz's own credentials.

import { eq } from 'drizzle-orm'
import { createSession } from '../../src/auth/sessions.ts'
import { sites } from '../../src/db/schema.ts'
import { siteScope } from '../../src/sites/scope.ts'
import { createTestApp, createTestSite, manualClock, type TestApp } from '../helpers/app.ts'
import { bearer, jsonRequest, rows } from '../helpers/http.ts'
import { createTestMember, fastPasswords } from '../helpers/members.ts'

export type Identity = 'guest' | 'member' | 'moderator' | 'owner'

async function ok(res: Response, what: string) {
  if (res.status >= 300) throw new Error(`fixture: ${what}: ${res.status} ${await res.text()}`)
  return res.json()
}

export async function fuzzFixture() {
  const clock = manualClock(Date.now())
  const t: TestApp = await createTestApp({
    clock,
    passwords: fastPasswords,
    // A stand-in receiver: a fuzzed webhook URL on a public name must not reach the internet.
    handlers: { webhook: async () => {} },
  })
  const site = await createTestSite(t, { origins: ['https://site.example'] })
  const scope = siteScope(site.id)
  const owner = (method: string, path: string, body?: unknown) =>
    t.app.request(`/v1/admin${path}`, {
      ...(body === undefined ? { method } : jsonRequest(method, body)),
      headers: {
        ...bearer(site.secretKey),
        ...(body !== undefined && { 'content-type': 'application/json' }),
      },
    })
  const asMember = (token: string, method: string, path: string, body: unknown) =>
    t.app.request(
      `/v1${path}`,
      jsonRequest(method, body, { 'X-Porchlight-Key': site.publishableKey, ...bearer(token) }),
    )

  const member = await createTestMember(t, site, { username: 'member1' })
  const moderator = await createTestMember(t, site, { username: 'mod1', role: 'moderator' })
  const victims = [
    await createTestMember(t, site, { username: 'victim1' }),
    await createTestMember(t, site, { username: 'victim2', role: 'moderator' }),
    await createTestMember(t, site, { username: 'victim3', verified: false }),
  ]

  await ok(
    await owner('POST', '/forms', {
      id: 'contact',
      name: 'Contact',
      settings: { fields: { email: { type: 'email', required: true }, message: {} } },
    }),
    'form',
  )
  await ok(await owner('POST', '/forms', { id: 'closed', name: 'Closed', enabled: false }), 'form')
  const submission = await t.app.request(
    `/v1/forms/contact/submissions?key=${site.publishableKey}`,
    jsonRequest('POST', { email: 'ann@example.com', message: 'Hello there' }),
  )
  const submissionId = String((await ok(submission, 'submission')).id)
  await ok(await owner('POST', '/forum/categories', { slug: 'general', name: 'General' }), 'cat')
  await ok(
    await owner('POST', '/forum/categories', {
      slug: 'staff',
      name: 'Staff',
      readAccess: 'members',
      threadAccess: 'moderators',
    }),
    'category',
  )
  const thread = await ok(
    await asMember(victims[0]?.token ?? '', 'POST', '/forum/threads', {
      category: 'general',
      title: 'A thread to fuzz',
      body: 'Hello @member1, see [this](https://example.com).',
    }),
    'thread',
  )
  await ok(
    await asMember(member.token, 'POST', `/forum/threads/${thread.id}/posts`, {
      body: `> [@victim1 wrote:](#${thread.postId})\n> Hello\n\nHi @victim1`,
    }),
    'reply',
  )
  const spareKey = await ok(await owner('POST', '/keys', { label: 'spare' }), 'key')
  const [job] = await rows(
    t.deps.client,
    'SELECT id FROM outbox WHERE site_id = ? LIMIT 1',
    site.id,
  )
  const [victimSession] = await rows(
    t.deps.client,
    'SELECT id FROM sessions WHERE member_id = ? LIMIT 1',
    victims[0]?.id ?? '',
  )
  const postIds = (
    await rows(t.deps.client, 'SELECT id FROM posts WHERE site_id = ?', site.id)
  ).map((row) => String(row.id))

  const ids = [
    String(thread.id),
    ...postIds,
    ...victims.map((v) => v.id),
    submissionId,
    String(job?.id ?? 'job_none'),
    String(spareKey.id ?? ''),
    String(victimSession?.id ?? ''),
  ].filter((id) => id !== '')

  return {
    t,
    clock,
    site,
    /** Values that exist, by the name of the path parameter they fill. */
    pathValues: {
      id: ids,
      postId: postIds,
      slug: ['general', 'staff'],
      formId: ['contact', 'closed'],
      origin: [encodeURIComponent('https://site.example')],
    } as Record<string, string[]>,
    /** Strings worth trying in bodies and queries: the same ids, usernames, slugs. */
    strings: [...ids, 'member1', 'victim1', 'general', 'staff', 'contact', 'https://site.example'],
    /** The current publishable key (a fuzzed rotation may have replaced it). */
    async publishableKey() {
      const [row] = await t.deps.db
        .select({ key: sites.publishableKey })
        .from(sites)
        .where(eq(sites.id, site.id))
      return row?.key ?? site.publishableKey
    },
    /**
     * Headers of `identity` for a request to `path`, with a fresh session for members (a fuzzed
     * sign-out ends one). The owner's secret key goes only to the owner's API, as a server would
     * send it; elsewhere the owner calls like a guest.
     */
    async credentials(identity: Identity, path: string): Promise<Record<string, string>> {
      const key = { 'X-Porchlight-Key': await this.publishableKey() }
      if (identity === 'guest') return key
      if (identity === 'owner') return path.startsWith('/v1/admin/') ? bearer(site.secretKey) : key
      const who = identity === 'member' ? member : moderator
      const { token } = await createSession(t.deps.db, clock, scope, {
        memberId: who.id,
        transport: 'bearer',
      })
      return { ...key, ...bearer(token) }
    },
  }
}

export type FuzzFixture = Awaited<ReturnType<typeof fuzzFixture>>
