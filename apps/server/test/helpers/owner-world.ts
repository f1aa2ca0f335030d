// A site with one of everything the owner API acts on, made through the real API (the secret
// key's owner routes, a visitor's submission, members' own posts and flags), and a second site
// with its own, for the permission and audit tests of operators/. Each route of the owner API
// gets real path values from it: a request reaches a real row, so a permission that failed to
// stop one would change something.

import { createTestSite, type TestApp, type TestSite } from './app.ts'
import { bearer, jsonRequest } from './http.ts'
import { createTestMember } from './members.ts'
import { addOperator, type ConsoleHarness, type TestOperator } from './operators.ts'

async function ok(res: Response, what: string): Promise<Record<string, unknown>> {
  if (res.status >= 300) throw new Error(`owner world: ${what}: ${res.status} ${await res.text()}`)
  return res.status === 204 ? {} : ((await res.json()) as Record<string, unknown>)
}

function keyed(t: TestApp, site: TestSite) {
  return (method: string, path: string, body?: unknown) =>
    t.app.request(
      `/v1/admin${path}`,
      body === undefined
        ? { method, headers: bearer(site.secretKey) }
        : jsonRequest(method, body, bearer(site.secretKey)),
    )
}

/** A site's worth of things to act on. */
async function populate(h: ConsoleHarness, site: TestSite, prefix: string) {
  const { t } = h
  const owner = keyed(t, site)
  await ok(
    await owner('POST', '/forms', {
      id: 'contact',
      name: 'Contact',
      settings: { webhookUrl: `https://hooks.${prefix}.example/in` },
    }),
    'form',
  )
  await ok(await owner('POST', '/forms', { id: 'spare', name: 'Spare' }), 'spare form')
  const submit = async () =>
    String(
      (
        await ok(
          await t.app.request(
            `/v1/forms/contact/submissions?key=${site.publishableKey}`,
            jsonRequest('POST', { email: 'visitor@example.com', message: `Hello from ${prefix}` }),
          ),
          'submission',
        )
      ).id,
    )
  const submissionId = await submit()
  const spareSubmissionId = await submit()
  await ok(await owner('POST', '/forum/categories', { slug: 'general', name: 'General' }), 'cat')
  await ok(await owner('POST', '/forum/categories', { slug: 'spare', name: 'Spare' }), 'cat')
  await ok(await owner('POST', '/origins', { origin: `https://spare.${prefix}.example` }), 'origin')
  for (const id of ['github', 'spare']) {
    const provider = { kind: 'github', clientId: `${prefix}-client`, clientSecret: 'secret' }
    await ok(await owner('PUT', `/sign-in-providers/${id}`, provider), 'sign-in provider')
  }
  const member = await createTestMember(t, site, { username: `${prefix}member` })
  const spareMember = await createTestMember(t, site, { username: `${prefix}spare` })
  const flagger = await createTestMember(t, site, { username: `${prefix}flagger` })
  const asMember = (token: string, path: string, body: unknown) =>
    t.app.request(
      `/v1${path}`,
      jsonRequest('POST', body, { 'X-Porchlight-Key': site.publishableKey, ...bearer(token) }),
    )
  const thread = await ok(
    await asMember(member.token, '/forum/threads', {
      category: 'general',
      title: 'A thread',
      body: 'The first post.',
    }),
    'thread',
  )
  const postId = String(thread.postId)
  await ok(
    await asMember(flagger.token, `/forum/posts/${postId}/flags`, { reason: 'spam' }),
    'flag',
  )
  const spareKey = await ok(await owner('POST', '/keys', { label: 'spare' }), 'key')
  // A delivery that gave up, for the retry.
  const deadJobId = `job_dead_${prefix}`
  const now = t.deps.clock.now()
  await t.client.execute({
    sql: `INSERT INTO outbox (id, site_id, kind, payload, status, attempts, max_attempts, run_at,
      last_error, created_at, updated_at) VALUES (?, ?, 'email', '{}', 'dead', 10, 10, ?,
      'mail server refused', ?, ?)`,
    args: [deadJobId, site.id, now, now, now],
  })
  return {
    site,
    submissionId,
    spareSubmissionId,
    memberId: member.id,
    spareMemberId: spareMember.id,
    postId,
    threadId: String(thread.id),
    spareKeyId: String(spareKey.id),
    deadJobId,
    spareOrigin: `https://spare.${prefix}.example`,
  }
}

export type OwnerWorld = Awaited<ReturnType<typeof ownerWorld>>

/**
 * Sites A (`h.site`) and B, each populated; on A, operators to change and remove and an open
 * invite to withdraw; on B, an operator of B alone.
 */
export async function ownerWorld(h: ConsoleHarness) {
  const siteB = await createTestSite(h.t, { name: 'Site B', origins: ['https://b.example'] })
  const a = await populate(h, h.site, 'a')
  const b = await populate(h, siteB, 'b')
  const target = await addOperator(h, {
    email: 'target@example.com',
    roles: { [h.site.id]: 'viewer' },
  })
  const spareOperator = await addOperator(h, {
    email: 'spare@example.com',
    roles: { [h.site.id]: 'viewer' },
  })
  const onlyB: TestOperator = await addOperator(h, {
    email: 'only-b@example.com',
    roles: { [siteB.id]: 'editor' },
  })
  const invite = await ok(
    await keyed(h.t, h.site)('POST', '/operator-invites', {
      email: 'invited@example.com',
      role: 'viewer',
    }),
    'invite',
  )
  const inviteB = await ok(
    await keyed(h.t, siteB)('POST', '/operator-invites', {
      email: 'invited-b@example.com',
      role: 'viewer',
    }),
    'invite',
  )
  return {
    a,
    b,
    siteB,
    targetOperatorId: target.id,
    spareOperatorId: spareOperator.id,
    onlyBOperatorId: onlyB.id,
    inviteId: String(invite.id),
    inviteBId: String(inviteB.id),
  }
}

/**
 * Path values for a route of site A: the row it acts on. A DELETE takes the spare one, so what
 * other routes act on stays.
 */
export function pathFor(world: OwnerWorld, method: string, template: string): string {
  const { a } = world
  const deleting = method === 'DELETE'
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const before = template.slice(0, template.indexOf(`{${name}}`))
    const value = (() => {
      if (name === 'formId') return deleting && template.endsWith('{formId}') ? 'spare' : 'contact'
      if (name === 'slug') return deleting ? 'spare' : 'general'
      if (name === 'origin') return a.spareOrigin
      if (name === 'postId') return a.postId
      if (name === 'threadId') return a.threadId
      if (before.endsWith('/outbox/')) return a.deadJobId
      if (before.endsWith('/submissions/'))
        return deleting && template.endsWith('{id}') ? a.spareSubmissionId : a.submissionId
      if (before.endsWith('/members/'))
        return deleting && template.endsWith('{id}') ? a.spareMemberId : a.memberId
      if (before.endsWith('/keys/')) return a.spareKeyId
      if (before.endsWith('/sign-in-providers/')) return deleting ? 'spare' : 'github'
      if (before.endsWith('/operator-invites/')) return world.inviteId
      if (before.endsWith('/operators/'))
        return deleting ? world.spareOperatorId : world.targetOperatorId
      if (before.endsWith('/posts/')) return a.postId
      if (before.endsWith('/threads/')) return a.threadId
      return 'unknown'
    })()
    return encodeURIComponent(value)
  })
}

/**
 * A request each change of the owner API accepts in the world, by `METHOD /template`: the
 * body (`null`: none). The audit and permission tests prove with it that each change is made,
 * and recorded; a change missing here fails the audit test's coverage check.
 */
export function validChanges(world: OwnerWorld, now: number): Record<string, unknown> {
  return {
    'PATCH /v1/admin/site': { name: 'Renamed site' },
    'POST /v1/admin/origins': { origin: 'https://new.example' },
    'DELETE /v1/admin/origins/{origin}': null,
    'POST /v1/admin/keys': { label: 'CI' },
    'DELETE /v1/admin/keys/{id}': null,
    'POST /v1/admin/publishable-key/rotate': null,
    'POST /v1/admin/operator-invites': { email: 'new-operator@example.com', role: 'viewer' },
    'DELETE /v1/admin/operator-invites/{id}': null,
    'PATCH /v1/admin/operators/{id}': { role: 'moderator' },
    'DELETE /v1/admin/operators/{id}': null,
    'POST /v1/admin/outbox/{id}/retry': null,
    'POST /v1/admin/forms': { id: 'feedback', name: 'Feedback' },
    'PATCH /v1/admin/forms/{formId}': { name: 'Contact us' },
    'DELETE /v1/admin/forms/{formId}': null,
    'POST /v1/admin/forms/{formId}/webhook-secret/rotate': null,
    'POST /v1/admin/forms/{formId}/webhook/test': null,
    'POST /v1/admin/submissions/bulk': { ids: [world.a.submissionId], action: 'archive' },
    'PATCH /v1/admin/submissions/{id}': { status: 'read' },
    'DELETE /v1/admin/submissions/{id}': null,
    'PATCH /v1/admin/members/{id}': { role: 'moderator' },
    'DELETE /v1/admin/members/{id}': null,
    'POST /v1/admin/members/{id}/suspend': { until: now + 86_400_000, reason: 'Cool off' },
    'POST /v1/admin/members/{id}/ban': { reason: 'Spam' },
    'POST /v1/admin/members/{id}/unban': null,
    'DELETE /v1/admin/members/{id}/sessions': null,
    'DELETE /v1/admin/members/{id}/totp': null,
    'PATCH /v1/admin/auth-settings': { passwordMinLength: 12 },
    'PUT /v1/admin/sign-in-providers/{id}': { kind: 'github', clientId: 'renamed-client' },
    'DELETE /v1/admin/sign-in-providers/{id}': null,
    'POST /v1/admin/forum/categories': { slug: 'news', name: 'News' },
    'PATCH /v1/admin/forum/categories/{slug}': { name: 'General talk' },
    'DELETE /v1/admin/forum/categories/{slug}': null,
    'PATCH /v1/admin/forum/settings': { flagsToHide: 5 },
    'POST /v1/admin/forum/posts/{id}/flags/resolve': { action: 'dismiss' },
    'POST /v1/admin/forum/posts/{id}/hide': { reason: 'Off topic' },
    'POST /v1/admin/forum/posts/{id}/unhide': null,
  }
}
