import type { SessionMember } from '../auth/sessions.ts'
import type { AuthSettings } from '../auth/settings.ts'
import type { categories, posts, threads } from '../db/schema.ts'
import { ForumErrors } from './errors.ts'
import type { ForumSettings } from './settings.ts'

// Who may do what, in one place, so the permission matrix test can read like the policy.
// Refusals name their reason: a guest is asked to sign in, a member learns what stands in the
// way. Content a reader may not see answers 404, never 403, so its existence stays private.

/**
 * The site's staff acting through the owner API rather than as members: the owner with a secret
 * key, or an operator of the console (named in the moderation log). Staff moderate everything
 * and, having no member account, write nothing.
 */
export type Staff = { by: 'owner' } | { by: 'operator'; operatorId: string; name: string }

export type Actor =
  | { kind: 'guest' }
  | { kind: 'member'; member: SessionMember; now: number; auth: AuthSettings; forum: ForumSettings }
  | { kind: 'staff'; staff: Staff; now: number }

export type MemberActor = Extract<Actor, { kind: 'member' }>
export type StaffActor = Extract<Actor, { kind: 'staff' }>
/** Whoever may moderate: a moderator or admin member, or staff. */
export type ModeratorActor = MemberActor | StaffActor

type Category = Pick<typeof categories.$inferSelect, 'readAccess' | 'threadAccess'>
type Thread = Pick<typeof threads.$inferSelect, 'locked' | 'hidden'>
type Post = Pick<typeof posts.$inferSelect, 'authorId' | 'hidden' | 'deletedAt' | 'createdAt'>

export function isModerator(actor: Actor): boolean {
  return (
    actor.kind === 'staff' ||
    (actor.kind === 'member' &&
      (actor.member.role === 'moderator' || actor.member.role === 'admin'))
  )
}

export function isAdmin(actor: Actor): boolean {
  return actor.kind === 'staff' || (actor.kind === 'member' && actor.member.role === 'admin')
}

/** Within the site's first-day window, when new-member limits apply (moderators are exempt). */
export function isNewMember(actor: Actor): boolean {
  if (actor.kind !== 'member' || isModerator(actor)) return false
  return actor.now - actor.member.createdAt < actor.forum.newMember.hours * 3_600_000
}

export function canReadCategory(actor: Actor, category: Category): boolean {
  return category.readAccess === 'everyone' || actor.kind !== 'guest'
}

/** Reading a thread: its category is readable, and hidden threads are for moderators. */
export function canReadThread(actor: Actor, category: Category, thread: Thread): boolean {
  return canReadCategory(actor, category) && (!thread.hidden || isModerator(actor))
}

/**
 * The member may write at all: signed in, not suspended or banned, and verified unless the site
 * lets unverified members post. Throws the reason otherwise.
 */
export function assertCanWrite(actor: Actor): asserts actor is MemberActor {
  if (actor.kind === 'guest') throw ForumErrors.signInRequired()
  if (actor.kind === 'staff') throw ForumErrors.forbidden()
  const { member, now } = actor
  if (member.status === 'banned') throw ForumErrors.forbidden()
  if (
    member.status === 'suspended' &&
    (member.suspendedUntil === null || member.suspendedUntil > now)
  ) {
    throw ForumErrors.suspended(member.suspendedUntil)
  }
  if (member.emailVerifiedAt === null && !actor.auth.allowUnverifiedPosting)
    throw ForumErrors.emailNotVerified()
}

export function assertCanStartThread(
  actor: Actor,
  category: Category,
): asserts actor is MemberActor {
  if (!canReadCategory(actor, category)) throw ForumErrors.categoryNotFound()
  assertCanWrite(actor)
  if (category.threadAccess === 'moderators' && !isModerator(actor)) throw ForumErrors.forbidden()
}

export function assertCanReply(
  actor: Actor,
  category: Category,
  thread: Thread,
): asserts actor is MemberActor {
  if (!canReadThread(actor, category, thread)) throw ForumErrors.threadNotFound()
  assertCanWrite(actor)
  if (thread.locked && !isModerator(actor)) throw ForumErrors.threadLocked()
}

function isAuthor(actor: Actor, post: Post): boolean {
  return actor.kind === 'member' && post.authorId !== null && post.authorId === actor.member.id
}

/** Authors edit within the site's window; moderators always. Deleted posts are not edited. */
export function assertCanEdit(actor: Actor, post: Post): asserts actor is MemberActor {
  assertCanWrite(actor)
  if (post.deletedAt !== null) throw ForumErrors.postDeleted()
  if (isModerator(actor)) return
  if (!isAuthor(actor, post)) throw ForumErrors.forbidden()
  // A hidden post waits for a moderator: its author may not swap the content under review.
  if (post.hidden) throw ForumErrors.postHidden()
  const window = actor.forum.editWindowMinutes
  if (window !== null && actor.now - post.createdAt > window * 60_000)
    throw ForumErrors.editWindowClosed()
}

/** Authors may delete their own posts, even while suspended; moderators any. */
export function assertCanDelete(actor: Actor, post: Post): asserts actor is MemberActor {
  if (actor.kind === 'guest') throw ForumErrors.signInRequired()
  // Staff remove posts through the flag queue's decisions, which log them as staff.
  if (actor.kind === 'staff') throw ForumErrors.forbidden()
  if (post.deletedAt !== null) throw ForumErrors.postDeleted()
  if (!isAuthor(actor, post) && !isModerator(actor)) throw ForumErrors.forbidden()
}

/** Likes and flags are for other people's visible posts. */
export function assertCanReact(actor: Actor, post: Post): asserts actor is MemberActor {
  assertCanWrite(actor)
  if (post.deletedAt !== null) throw ForumErrors.postDeleted()
  if (post.hidden && !isModerator(actor)) throw ForumErrors.postHidden()
  if (isAuthor(actor, post)) throw ForumErrors.cannotLikeOwnPost()
}

export function assertModerator(actor: Actor): asserts actor is ModeratorActor {
  if (actor.kind === 'guest') throw ForumErrors.signInRequired()
  if (!isModerator(actor)) throw ForumErrors.forbidden()
}

export function assertAdmin(actor: Actor): asserts actor is ModeratorActor {
  if (actor.kind === 'guest') throw ForumErrors.signInRequired()
  if (!isAdmin(actor)) throw ForumErrors.forbidden()
}

/**
 * Suspending a member: moderators suspend members, admins also moderators. Admins are the
 * owner's to suspend (the site's staff), and nobody suspends themselves.
 */
export function assertCanSuspend(
  actor: Actor,
  target: { id: string; role: 'member' | 'moderator' | 'admin' },
): asserts actor is ModeratorActor {
  assertModerator(actor)
  if (actor.kind === 'staff') return
  if (target.id === actor.member.id) throw ForumErrors.ownAccount()
  if (target.role === 'admin' || (target.role === 'moderator' && !isAdmin(actor)))
    throw ForumErrors.outranked()
}

/** Roles are for admins, on anyone but themselves: no admin demotes themselves and leaves none. */
export function assertCanChangeRole(
  actor: Actor,
  target: { id: string },
): asserts actor is ModeratorActor {
  assertAdmin(actor)
  if (actor.kind === 'member' && target.id === actor.member.id) throw ForumErrors.ownAccount()
}

/** Images in posts per the site's setting: never, past the first day, or for everyone. */
export function mayPostImages(actor: Actor): boolean {
  if (actor.kind !== 'member') return false
  if (isModerator(actor)) return true
  return (
    actor.forum.images === 'everyone' ||
    (actor.forum.images === 'established' && !isNewMember(actor))
  )
}
