import { afterEach, describe, expect, it } from 'vitest'
import { createTestSite } from '../../test/helpers/app.ts'
import { apiError, bearer, jsonRequest, rows } from '../../test/helpers/http.ts'
import {
  addOperator,
  asOperator,
  type ConsoleHarness,
  consoleOrigin,
  createConsoleHarness,
  signInAs,
  type TestOperator,
} from '../../test/helpers/operators.ts'

// An owner manages who works on the site: the list with the open invites, role changes that
// take effect on the operator's next request, removal from one site only, and a site that never
// loses its last owner, whoever asks (an operator or the secret key).

let h: ConsoleHarness
afterEach(async () => {
  await h.close()
})

async function withOwner(): Promise<{ ann: TestOperator; cookie: string }> {
  h = await createConsoleHarness()
  const ann = await addOperator(h, {
    email: 'ann@example.com',
    name: 'Ann',
    roles: { [h.site.id]: 'owner' },
    totp: true,
  })
  return { ann, cookie: await signInAs(h, ann) }
}

const roleOf = async (operatorId: string, siteId: string) =>
  (
    await rows(
      h.t.client,
      'SELECT role FROM operator_sites WHERE operator_id = ? AND site_id = ?',
      operatorId,
      siteId,
    )
  )[0]?.role ?? null

describe('the list', () => {
  it('shows everyone with a role, owners first, and the invites still open', async () => {
    const { cookie } = await withOwner()
    await addOperator(h, {
      email: 'vic@example.com',
      name: 'Vic',
      roles: { [h.site.id]: 'viewer' },
    })
    await addOperator(h, { email: 'ed@example.com', name: 'Ed', roles: { [h.site.id]: 'editor' } })
    const other = await createTestSite(h.t, { name: 'Site B' })
    await addOperator(h, { email: 'bob@example.com', roles: { [other.id]: 'owner' } })
    const invited = await asOperator(h, cookie, h.site.id, 'POST', '/v1/admin/operator-invites', {
      email: 'Mo@Example.com',
      role: 'moderator',
    })
    expect(invited.status).toBe(201)

    const res = await asOperator(h, cookie, h.site.id, 'GET', '/v1/admin/operators')
    expect(res.status).toBe(200)
    const body = (await res.json()) as {
      operators: { email: string; name: string; role: string; totpEnabled: boolean }[]
      invites: { email: string; role: string; invitedBy: string; expiresAt: number }[]
    }
    expect(body.operators.map((o) => [o.email, o.role, o.totpEnabled])).toEqual([
      ['ann@example.com', 'owner', true],
      ['ed@example.com', 'editor', false],
      ['vic@example.com', 'viewer', false],
    ])
    expect(body.invites).toEqual([
      expect.objectContaining({
        email: 'mo@example.com',
        role: 'moderator',
        invitedBy: 'Ann',
        expiresAt: h.clock.now() + 7 * 86_400_000,
      }),
    ])
  })
})

describe('changing a role', () => {
  it('takes effect on the operator’s next request, and is in the audit log', async () => {
    const { cookie } = await withOwner()
    const ed = await addOperator(h, { email: 'ed@example.com', roles: { [h.site.id]: 'editor' } })
    const edCookie = await signInAs(h, ed)
    const form = { id: 'contact', name: 'Contact' }
    expect((await asOperator(h, edCookie, h.site.id, 'POST', '/v1/admin/forms', form)).status).toBe(
      201,
    )

    const changed = await asOperator(
      h,
      cookie,
      h.site.id,
      'PATCH',
      `/v1/admin/operators/${ed.id}`,
      {
        role: 'viewer',
      },
    )
    expect(changed.status).toBe(200)
    expect(await changed.json()).toMatchObject({
      id: ed.id,
      email: 'ed@example.com',
      role: 'viewer',
    })

    const refused = await asOperator(h, edCookie, h.site.id, 'PATCH', '/v1/admin/forms/contact', {
      name: 'Write to us',
    })
    expect(refused.status).toBe(403)
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
      'ROLE_FORBIDDEN',
    )
    expect(await roleOf(ed.id, h.site.id)).toBe('viewer')
    expect(
      await rows(
        h.t.client,
        "SELECT actor_label, target, details FROM audit_log WHERE action = 'PATCH /v1/admin/operators/{id}'",
      ),
    ).toEqual([
      {
        actor_label: 'ann@example.com',
        target: JSON.stringify({ id: ed.id }),
        details: JSON.stringify({
          fields: ['role'],
          email: 'ed@example.com',
          from: 'editor',
          to: 'viewer',
        }),
      },
    ])
  })

  it('refuses a role that does not exist, with the field named', async () => {
    const { cookie } = await withOwner()
    const ed = await addOperator(h, { email: 'ed@example.com', roles: { [h.site.id]: 'editor' } })
    const res = await asOperator(h, cookie, h.site.id, 'PATCH', `/v1/admin/operators/${ed.id}`, {
      role: 'admin',
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; fields: Record<string, string> } }
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(Object.keys(body.error.fields)).toEqual(['role'])
    expect(await roleOf(ed.id, h.site.id)).toBe('editor')
  })
})

describe('removing an operator', () => {
  it('ends their access to this site only; their account and other roles stay', async () => {
    const { cookie } = await withOwner()
    const other = await createTestSite(h.t, { name: 'Site B' })
    const ed = await addOperator(h, {
      email: 'ed@example.com',
      roles: { [h.site.id]: 'editor', [other.id]: 'viewer' },
    })
    const edCookie = await signInAs(h, ed)

    const removed = await asOperator(h, cookie, h.site.id, 'DELETE', `/v1/admin/operators/${ed.id}`)
    expect(removed.status).toBe(204)

    const onA = await asOperator(h, edCookie, h.site.id, 'GET', '/v1/admin/forms')
    expect(onA.status).toBe(403)
    expect(await onA.json()).toEqual(apiError('SITE_FORBIDDEN'))
    expect((await asOperator(h, edCookie, other.id, 'GET', '/v1/admin/forms')).status).toBe(200)
    const session = await asOperator(h, edCookie, other.id, 'GET', '/v1/operator/session')
    expect(((await session.json()) as { sites: unknown[] }).sites).toEqual([
      { id: other.id, name: 'Site B', role: 'viewer' },
    ])
  })

  it('answers 404 OPERATOR_NOT_FOUND for someone who works on another site only, changing nothing', async () => {
    const { cookie } = await withOwner()
    const other = await createTestSite(h.t, { name: 'Site B' })
    const bob = await addOperator(h, { email: 'bob@example.com', roles: { [other.id]: 'viewer' } })
    for (const res of [
      await asOperator(h, cookie, h.site.id, 'DELETE', `/v1/admin/operators/${bob.id}`),
      await asOperator(h, cookie, h.site.id, 'PATCH', `/v1/admin/operators/${bob.id}`, {
        role: 'owner',
      }),
      await asOperator(h, cookie, h.site.id, 'DELETE', `/v1/admin/operators/${'x'.repeat(200)}`),
    ]) {
      expect(res.status).toBe(404)
      expect(await res.json()).toEqual(apiError('OPERATOR_NOT_FOUND'))
    }
    expect(await roleOf(bob.id, other.id)).toBe('viewer')
    expect(await roleOf(bob.id, h.site.id)).toBeNull()
  })
})

describe('the last owner', () => {
  it('cannot be demoted or removed, by themselves or by the secret key: 409 LAST_OWNER', async () => {
    const { ann, cookie } = await withOwner()
    const attempts = [
      () =>
        asOperator(h, cookie, h.site.id, 'PATCH', `/v1/admin/operators/${ann.id}`, {
          role: 'editor',
        }),
      () => asOperator(h, cookie, h.site.id, 'DELETE', `/v1/admin/operators/${ann.id}`),
      () =>
        h.t.app.request(
          `/v1/admin/operators/${ann.id}`,
          jsonRequest('PATCH', { role: 'viewer' }, bearer(h.site.secretKey)),
        ),
      () =>
        h.t.app.request(`/v1/admin/operators/${ann.id}`, {
          method: 'DELETE',
          headers: bearer(h.site.secretKey),
        }),
    ]
    const auditBefore = (await rows(h.t.client, 'SELECT id FROM audit_log')).length
    for (const attempt of attempts) {
      const res = await attempt()
      expect(res.status).toBe(409)
      expect(await res.json()).toEqual(apiError('LAST_OWNER'))
    }
    expect(await roleOf(ann.id, h.site.id)).toBe('owner')
    expect(await rows(h.t.client, 'SELECT id FROM audit_log')).toHaveLength(auditBefore)
  })

  it('can step down once another owner is there', async () => {
    const { ann, cookie } = await withOwner()
    const bo = await addOperator(h, { email: 'bo@example.com', roles: { [h.site.id]: 'editor' } })
    const promote = await asOperator(
      h,
      cookie,
      h.site.id,
      'PATCH',
      `/v1/admin/operators/${bo.id}`,
      {
        role: 'owner',
      },
    )
    expect(promote.status).toBe(200)
    const stepDown = await asOperator(
      h,
      cookie,
      h.site.id,
      'PATCH',
      `/v1/admin/operators/${ann.id}`,
      {
        role: 'editor',
      },
    )
    expect(stepDown.status).toBe(200)
    expect(await roleOf(ann.id, h.site.id)).toBe('editor')
    // Bo is now the last owner, and stays one.
    const res = await h.t.app.request(`/v1/admin/operators/${bo.id}`, {
      method: 'DELETE',
      headers: bearer(h.site.secretKey),
    })
    expect(res.status).toBe(409)
    expect(await roleOf(bo.id, h.site.id)).toBe('owner')
  })
})

describe('the site a request names', () => {
  it('answers a site without a role, a missing site and no site alike: 403 SITE_FORBIDDEN', async () => {
    const { cookie } = await withOwner()
    const other = await createTestSite(h.t, { name: 'Site B' })
    const headers = { Cookie: cookie, Origin: consoleOrigin }
    const answers = []
    for (const site of [other.id, 'site_doesnotexist', '', undefined]) {
      const res = await h.t.app.request('/v1/admin/site', {
        headers: site === undefined ? headers : { ...headers, 'X-Porchlight-Site': site },
      })
      answers.push({ status: res.status, body: await res.text() })
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1)
    expect(answers[0]?.status).toBe(403)
    expect(JSON.parse(answers[0]?.body ?? '')).toEqual(apiError('SITE_FORBIDDEN'))
  })

  it('is ignored beside a secret key, which acts on its own site only', async () => {
    await withOwner()
    const other = await createTestSite(h.t, { name: 'Site B' })
    const res = await h.t.app.request(
      '/v1/admin/site',
      jsonRequest(
        'PATCH',
        { name: 'Renamed' },
        { ...bearer(h.site.secretKey), 'X-Porchlight-Site': other.id },
      ),
    )
    expect(res.status).toBe(204)
    expect(await rows(h.t.client, 'SELECT id, name FROM sites ORDER BY name')).toEqual([
      { id: h.site.id, name: 'Renamed' },
      { id: other.id, name: 'Site B' },
    ])
  })
})
