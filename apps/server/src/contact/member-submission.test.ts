import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { createTestMember, fastPasswords } from '../../test/helpers/members.ts'
import { siteScope } from '../sites/scope.ts'
import { createForm } from './forms.ts'
import { formSettingsSchema } from './schemas.ts'

// Regression: submissions made while signed in were never linked to the member, so "export my
// data" always showed none.
describe('a submission made while signed in', () => {
  let t: TestApp
  let site: TestSite
  beforeEach(async () => {
    t = await createTestApp({ passwords: fastPasswords })
    site = await createTestSite(t)
    await createForm({ ...t.deps, allowPrivateWebhooks: false }, siteScope(site.id), {
      id: 'contact',
      name: 'Contact',
      enabled: true,
      settings: formSettingsSchema.parse({}),
    })
  })
  afterEach(() => t.close())

  const post = (headers: Record<string, string>) =>
    t.app.request(`/v1/forms/contact/submissions?key=${site.publishableKey}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: 'message=Hello+from+a+member',
    })

  it('is linked to the member and appears in their data export', async () => {
    const ann = await createTestMember(t, site)
    expect((await post({ authorization: `Bearer ${ann.token}` })).status).toBe(303)
    expect((await post({})).status).toBe(303)
    const res = await t.app.request('/v1/account/export', {
      headers: { 'X-Porchlight-Key': site.publishableKey, authorization: `Bearer ${ann.token}` },
    })
    expect(res.status).toBe(200)
    const exported = (await res.json()) as { submissions: { data: Record<string, string> }[] }
    expect(exported.submissions.map((s) => s.data.message)).toEqual(['Hello from a member'])
  })

  it('with a session that has ended answers 401 INVALID_SESSION and stores nothing', async () => {
    const res = await post({ authorization: `Bearer ${'a'.repeat(32)}.${'b'.repeat(32)}` })
    expect(res.status).toBe(401)
    const rows = await t.deps.client.execute('SELECT count(*) AS n FROM submissions')
    expect(Number(rows.rows[0]?.n)).toBe(0)
  })
})
