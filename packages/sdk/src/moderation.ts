import { apiPath, type CallOptions } from './core.ts'
import {
  type FlagReason,
  type Page,
  type PageOptions,
  type Post,
  requestPage,
  type Thread,
} from './forum.ts'
import { type ClientOptions, type Connection, connect } from './session.ts'

/**
 * A flagged post in the moderators' queue, with its flags.
 *
 * @example
 * const { items }: Page<FlaggedPost> = await moderation.flags()
 */
export interface FlaggedPost {
  post: Post
  thread: { id: string; title: string }
  flagCount: number
  /** Flags by reason, e.g. `{ spam: 3 }`. */
  reasons: Partial<Record<FlagReason, number>>
  flags: {
    id: string
    reason: FlagReason
    note: string | null
    member: { id: string; displayName: string | null; username: string | null } | null
    status: 'open' | 'dismissed' | 'actioned'
    resolvedBy: string | null
    resolvedAt: number | null
    createdAt: number
  }[]
  firstFlaggedAt: number
}

/**
 * What a moderator decides about a flagged post.
 *
 * @example
 * const decision: FlagDecision = { action: 'suspend_author', reason: 'Spam', suspendDays: 7 }
 */
export interface FlagDecision {
  action: 'dismiss' | 'hide' | 'delete' | 'suspend_author'
  /** Shown in the log and to the author. */
  reason?: string
  /** For `suspend_author`. */
  suspendDays?: number
}

/**
 * One entry of the moderation log.
 *
 * @example
 * const { items }: Page<ModerationLogEntry> = await moderation.log()
 */
export interface ModerationLogEntry {
  id: string
  /** `member` (see `actor`), `owner` (secret key) or `system` (automatic, e.g. many flags). */
  by: string
  actor: { id: string; displayName: string | null; username: string | null } | null
  action: string
  targetType: string
  targetId: string
  reason: string | null
  details: Record<string, unknown>
  createdAt: number
}

/**
 * Tools for moderators and admins; every action is written to the moderation log. Made by
 * {@link createModeration}, or found at `client.moderation`. Every method also takes
 * `{ signal, headers }` last, and may throw `SIGN_IN_REQUIRED` (401), `FORBIDDEN` (403) for a member
 * who is not a moderator, `INVALID_SESSION` (401, the session is then forgotten),
 * `VALIDATION_FAILED` (422), `RATE_LIMITED` (429) and the SDK's `NETWORK_ERROR`, `TIMEOUT`,
 * `ABORTED`. Reasons are at most 500 characters.
 *
 * @example
 * await moderation.lockThread(threadId, 'Resolved')
 */
export interface Moderation {
  /**
   * Hides a post from everyone but moderators; the reason is required and shown to the author.
   *
   * @throws {PorchlightError} `POST_NOT_FOUND` (404).
   * @example
   * await moderation.hidePost(postId, 'Personal attack')
   */
  hidePost(postId: string, reason: string, options?: CallOptions): Promise<Post>
  /**
   * Shows a hidden post again.
   *
   * @throws {PorchlightError} `POST_NOT_FOUND` (404).
   * @example
   * await moderation.unhidePost(postId)
   */
  unhidePost(postId: string, reason?: string, options?: CallOptions): Promise<Post>
  /**
   * Hides a thread from everyone but moderators.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404).
   * @example
   * await moderation.hideThread(threadId, 'Off topic')
   */
  hideThread(threadId: string, reason?: string, options?: CallOptions): Promise<Thread>
  /**
   * Shows a hidden thread again.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404).
   * @example
   * await moderation.unhideThread(threadId)
   */
  unhideThread(threadId: string, reason?: string, options?: CallOptions): Promise<Thread>
  /**
   * Locks a thread: only moderators may post in it.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404).
   * @example
   * await moderation.lockThread(threadId, 'Resolved')
   */
  lockThread(threadId: string, reason?: string, options?: CallOptions): Promise<Thread>
  /**
   * Unlocks a thread.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404).
   * @example
   * await moderation.unlockThread(threadId)
   */
  unlockThread(threadId: string, reason?: string, options?: CallOptions): Promise<Thread>
  /**
   * Pins a thread to the top of its category.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404).
   * @example
   * await moderation.pinThread(threadId)
   */
  pinThread(threadId: string, reason?: string, options?: CallOptions): Promise<Thread>
  /**
   * Unpins a thread.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404).
   * @example
   * await moderation.unpinThread(threadId)
   */
  unpinThread(threadId: string, reason?: string, options?: CallOptions): Promise<Thread>
  /**
   * Moves a thread to another category (by slug).
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND`, `CATEGORY_NOT_FOUND` (404).
   * @example
   * await moderation.moveThread(threadId, 'help', 'Belongs in help')
   */
  moveThread(
    threadId: string,
    category: string,
    reason?: string,
    options?: CallOptions,
  ): Promise<Thread>
  /**
   * Sets the seconds each member must wait between posts in a thread (at most 86400); 0 ends
   * slow mode.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404).
   * @example
   * await moderation.slowMode(threadId, 300, 'Cooling down')
   */
  slowMode(
    threadId: string,
    seconds: number,
    reason?: string,
    options?: CallOptions,
  ): Promise<Thread>
  /**
   * Deletes a thread with all its posts; the reason is required.
   *
   * @throws {PorchlightError} `THREAD_NOT_FOUND` (404).
   * @example
   * await moderation.deleteThread(threadId, 'Spam')
   */
  deleteThread(threadId: string, reason: string, options?: CallOptions): Promise<void>
  /**
   * Suspends a member for `days`, or `until` a time (milliseconds since the epoch): every session
   * they hold ends at once, and signing in answers `ACCOUNT_SUSPENDED` until the time passes.
   *
   * @throws {PorchlightError} `MEMBER_NOT_FOUND` (404); `OWN_ACCOUNT` (403); `FORBIDDEN` (403) for
   *   a member who outranks the moderator; `MEMBER_BANNED` (409).
   * @example
   * await moderation.suspendMember(memberId, { days: 7, reason: 'Repeated insults' })
   */
  suspendMember(
    memberId: string,
    input: { days?: number; until?: number; reason: string },
    options?: CallOptions,
  ): Promise<{ id: string; status: 'suspended'; suspendedUntil: number }>
  /**
   * A page of the flag queue, oldest flag first; `open` ones by default.
   *
   * @throws {PorchlightError} `INVALID_CURSOR` (400).
   * @example
   * const { items } = await moderation.flags({ status: 'open' })
   */
  flags(
    options?: PageOptions & { status?: 'open' | 'dismissed' | 'actioned' },
  ): Promise<Page<FlaggedPost>>
  /**
   * Resolves every open flag of a post with one decision; the author is told.
   *
   * @throws {PorchlightError} `POST_NOT_FOUND` (404); `NO_OPEN_FLAGS` (409).
   * @example
   * await moderation.resolveFlags(postId, { action: 'hide', reason: 'Spam' })
   */
  resolveFlags(
    postId: string,
    decision: FlagDecision,
    options?: CallOptions,
  ): Promise<{ postId: string; action: FlagDecision['action']; flagsResolved: number; post: Post }>
  /**
   * A page of the moderation log, newest first.
   *
   * @throws {PorchlightError} `INVALID_CURSOR` (400).
   * @example
   * const { items, nextCursor } = await moderation.log()
   */
  log(options?: PageOptions): Promise<Page<ModerationLogEntry>>
}

/**
 * Creates the moderators' API on its own, from options or from a {@link Connection} (a client,
 * or `createAuth`'s object) whose session it then shares.
 *
 * @throws Nothing itself; see {@link Moderation} for what its methods throw.
 * @example
 * import { createAuth, createModeration } from '@porchlight/sdk'
 * const auth = createAuth({ url: 'https://api.example.com', key: 'pk_…' })
 * const moderation = createModeration(auth)
 * await moderation.pinThread('thr_…')
 */
export function createModeration(source: ClientOptions | Pick<Connection, 'request'>): Moderation {
  const { request } = 'request' in source ? source : connect(source)
  const act = <T>(method: string, path: string, body: object, options?: CallOptions) =>
    request<T>(method, `/v1/forum/moderation/${path}`, { ...options, body })
  const thread =
    (change: string) =>
    (id: string, reason?: string, options?: CallOptions): Promise<Thread> =>
      act('POST', apiPath`threads/${id}/${change}`, { reason }, options)

  return {
    hidePost: (id, reason, options) => act('POST', apiPath`posts/${id}/hide`, { reason }, options),
    unhidePost: (id, reason, options) =>
      act('POST', apiPath`posts/${id}/unhide`, { reason }, options),
    hideThread: thread('hide'),
    unhideThread: thread('unhide'),
    lockThread: thread('lock'),
    unlockThread: thread('unlock'),
    pinThread: thread('pin'),
    unpinThread: thread('unpin'),
    moveThread: (id, category, reason, options) =>
      act('POST', apiPath`threads/${id}/move`, { category, reason }, options),
    slowMode: (id, seconds, reason, options) =>
      act('POST', apiPath`threads/${id}/slow-mode`, { seconds, reason }, options),
    deleteThread: (id, reason, options) =>
      act('DELETE', apiPath`threads/${id}`, { reason }, options),
    suspendMember: (id, input, options) =>
      act('POST', apiPath`members/${id}/suspend`, input, options),
    flags: ({ status, ...options } = {}) =>
      requestPage(request, '/v1/forum/moderation/flags', options, { status }),
    resolveFlags: (postId, decision, options) =>
      act('POST', apiPath`flags/${postId}/resolve`, decision, options),
    log: (options) => requestPage(request, '/v1/forum/moderation/log', options),
  }
}
