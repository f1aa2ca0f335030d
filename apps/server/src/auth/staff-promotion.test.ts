import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { apiError } from '../../test/helpers/http.ts'
import { ownerApi } from '../../test/helpers/owner-api.ts'
import { memberTotp } from '../db/schema.ts'
import {
  type ForumFixture,
  forumFixture,
  type TestMember,
} from '../forum/moderation-test-helpers.ts'
import { newTotpSecret } from '../two-factor/totp.ts'
import type { AuthSettings } from './settings.ts'
import { password, postJson, setAuthSettings } from './test-helpers.ts'

// Regression: a member promoted to moderator or admin on a site that requires TOTP of staff kept
// their session, and with it staff powers without a second factor, until it happened to end.
// Both ways of promoting (the owner's API and a forum admin) now end the sessions of a promoted
// member who has not enrolled, so the next sign-in asks them to enrol.

let f: ForumFixture
afterEach(() => f.t.close())

async function siteWith(totp: AuthSettings['totp']) {
  f = await forumFixture()
  await setAuthSettings(f.t, f.site, { totp })
}

const sessionStatus = async (member: TestMember) =>
  (await f.send('GET', '/auth/session', member.token)).status

/** A member who has turned TOTP on (the row as enrolling leaves it). */
async function enrolled(member: TestMember) {
  const now = f.clock.now()
  await f.db.insert(memberTotp).values({
    memberId: member.id,
    siteId: f.site.id,
    secret: newTotpSecret(),
    enabledAt: now,
    updatedAt: now,
  })
  return member
}

type Promote = (member: TestMember, role: 'member' | 'moderator' | 'admin') => Promise<void>

const byOwner: Promote = async (member, role) => {
  const res = await ownerApi(f.t, f.site).send('PATCH', `/members/${member.id}`, { role })
  expect(res.status, await res.clone().text()).toBe(200)
}

const byForumAdmin: Promote = async (member, role) => {
  // An admin whose session predates the rule: the forum's role change is what is under test.
  const admin = await f.member({ role: 'admin' })
  const res = await f.send('PUT', `/forum/members/${member.id}/role`, admin.token, { role })
  expect(res.status, JSON.stringify(res.body)).toBe(200)
}

describe.each([
  ['the owner’s API', byOwner],
  ['a forum admin', byForumAdmin],
])('promoting a member through %s', (_, promote) => {
  describe('where the site requires TOTP of staff', () => {
    beforeEach(() => siteWith('required_for_staff'))

    it('ends the sessions of a member without TOTP; the next sign-in asks them to enrol', async () => {
      const ann = await f.member()
      const other = await f.member()
      await promote(ann, 'moderator')

      expect(await sessionStatus(ann)).toBe(401)
      expect((await f.send('GET', '/auth/session', ann.token)).body).toEqual(
        apiError('INVALID_SESSION'),
      )
      expect(await f.table('SELECT id FROM sessions WHERE member_id = ?', ann.id)).toEqual([])
      expect(await sessionStatus(other)).toBe(200)
      const signIn = await postJson(f, '/v1/auth/login', { email: ann.email, password })
      expect(await signIn.json()).toEqual({
        status: 'totp_setup_required',
        challenge: expect.any(String),
        challengeExpiresAt: expect.any(Number),
      })
    })

    it('keeps the sessions of a member who has TOTP on', async () => {
      const bob = await enrolled(await f.member())
      await promote(bob, 'admin')
      expect(await sessionStatus(bob)).toBe(200)
    })

    it('keeps the sessions of staff made members again', async () => {
      const mod = await f.member({ role: 'moderator' })
      await promote(mod, 'member')
      expect(await sessionStatus(mod)).toBe(200)
    })
  })

  it('keeps the sessions where the site does not require TOTP of staff', async () => {
    await siteWith('optional')
    const ann = await f.member()
    await promote(ann, 'admin')
    expect(await sessionStatus(ann)).toBe(200)
  })
})
