import { createPasswordHasher } from '../../src/auth/password.ts'
import { createSession } from '../../src/auth/sessions.ts'
import { members } from '../../src/db/schema.ts'
import { newId } from '../../src/ids.ts'
import { siteScope } from '../../src/sites/scope.ts'
import type { TestApp, TestSite } from './app.ts'

/** Cheap scrypt for tests that are not about hashing: same code path, a fraction of the cost. */
export const fastPasswords = createPasswordHasher({
  maxConcurrent: 4,
  params: { logN: 10, r: 8, p: 1 },
})

export type TestMember = { id: string; email: string; username: string; token: string }

let counter = 0

/**
 * A member inserted directly (no emails, no rate limits) with a bearer session, for tests of
 * features that need signed-in members of a given kind.
 */
export async function createTestMember(
  t: TestApp,
  site: TestSite,
  options: {
    role?: 'member' | 'moderator' | 'admin'
    verified?: boolean
    status?: 'active' | 'suspended' | 'banned'
    suspendedUntil?: number
    /** Account age in ms at the test clock's now; default 30 days (past new-member limits). */
    ageMs?: number
    username?: string
    password?: string
  } = {},
): Promise<TestMember> {
  const n = ++counter
  const now = t.deps.clock.now()
  const id = newId('mem')
  const username = options.username ?? `member${n}`
  const email = `${username}@members.example`
  await t.deps.db.insert(members).values({
    id,
    siteId: site.id,
    email,
    emailVerifiedAt: options.verified === false ? null : now,
    passwordHash: await fastPasswords.hash(options.password ?? 'correct horse battery staple'),
    displayName: `Member ${n}`,
    username,
    usernameKey: username.toLowerCase(),
    role: options.role ?? 'member',
    status: options.status ?? 'active',
    suspendedUntil: options.suspendedUntil ?? null,
    createdAt: now - (options.ageMs ?? 30 * 86_400_000),
    updatedAt: now,
  })
  const { token } = await createSession(t.deps.db, t.deps.clock, siteScope(site.id), {
    memberId: id,
    transport: 'bearer',
  })
  return { id, email, username, token }
}
