import type { TestApp, TestSite } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { siteScope } from '../sites/scope.ts'
import { type CreateMemberInput, createMember } from './create-member.ts'
import { createSession } from './sessions.ts'
import { readAuthSettings } from './settings.ts'
import { password } from './test-helpers.ts'

// Shared by the owner's member API tests: members made the way the CLI makes them, sessions
// made the way sign-in makes them, and what the database holds afterwards.

/** A member of `site`, through the same service as `porchlight user create`. */
export function addMember(
  t: TestApp,
  site: TestSite,
  input: Partial<CreateMemberInput> & { email: string },
) {
  return createMember(t.deps, siteScope(site.id), readAuthSettings({}), {
    password,
    displayName: 'Ann Example',
    ...input,
  })
}

/** A bearer session for the member, as a sign-in would start it; the token. */
export async function sessionFor(t: TestApp, site: TestSite, memberId: string) {
  const { token } = await createSession(t.deps.db, t.deps.clock, siteScope(site.id), {
    memberId,
    transport: 'bearer',
  })
  return token
}

export async function memberRow(t: TestApp, id: string) {
  const [row] = await rows(
    t.deps.client,
    'SELECT role, status, suspended_until, updated_at FROM members WHERE id = ?',
    id,
  )
  return row ?? null
}

export async function sessionCount(t: TestApp, memberId: string) {
  const [row] = await rows(
    t.deps.client,
    'SELECT count(*) AS n FROM sessions WHERE member_id = ?',
    memberId,
  )
  return Number(row?.n)
}
