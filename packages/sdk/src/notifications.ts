import type { CallOptions } from './core.ts'
import { type Page, type PageOptions, requestPage } from './forum.ts'
import { type ClientOptions, type Connection, connect } from './session.ts'

/**
 * Something that happened for the member: a reply in a watched thread, a mention, a quote,
 * likes, or a moderator's action on their post.
 *
 * @example
 * const { items }: Page<Notification> = await notifications.list({ unread: true })
 */
export interface Notification {
  id: string
  kind: 'reply' | 'mention' | 'quote' | 'like' | 'moderation'
  threadId: string | null
  threadTitle: string | null
  postId: string | null
  postNumber: number | null
  actor: { id: string; displayName: string | null; username: string | null } | null
  /** Details by kind, e.g. a moderation action and its reason. */
  data: Record<string, unknown> | null
  read: boolean
  createdAt: number
}

/**
 * Which emails the member gets; all on by default.
 *
 * @example
 * const { email }: NotificationPreferences = await notifications.preferences()
 */
export interface NotificationPreferences {
  email: { replies: boolean; mentions: boolean; quotes: boolean }
}

/**
 * The signed-in member's notifications and email preferences. Made by
 * {@link createNotifications}, or found at `client.notifications`. Every method needs a
 * signed-in member and throws `SIGN_IN_REQUIRED` (401) otherwise, or `INVALID_SESSION` (401,
 * the session is then forgotten); also `RATE_LIMITED` (429) and the SDK's `NETWORK_ERROR`,
 * `TIMEOUT` and `ABORTED`.
 *
 * @example
 * badge.textContent = String(await notifications.unreadCount())
 */
export interface Notifications {
  /**
   * A page of notifications, newest first; `unread: true` for unread ones only.
   *
   * @throws {PorchlightError} `INVALID_CURSOR` (400), besides the common errors.
   * @example
   * const { items, nextCursor } = await notifications.list({ unread: true })
   */
  list(options?: PageOptions & { unread?: boolean }): Promise<Page<Notification>>
  /**
   * How many notifications are unread (capped by the server, so a badge can show "99+").
   *
   * @throws {PorchlightError} the common errors listed on {@link Notifications}.
   * @example
   * const count = await notifications.unreadCount()
   */
  unreadCount(options?: CallOptions): Promise<number>
  /**
   * Marks notifications read: those with the given ids, or all of them.
   *
   * @throws {PorchlightError} `VALIDATION_FAILED` (422) for more than 500 ids.
   * @example
   * await notifications.markRead([notification.id])
   * await notifications.markRead() // all
   */
  markRead(ids?: string[], options?: CallOptions): Promise<void>
  /**
   * The member's email preferences.
   *
   * @throws {PorchlightError} the common errors listed on {@link Notifications}.
   * @example
   * const { email } = await notifications.preferences()
   */
  preferences(options?: CallOptions): Promise<NotificationPreferences>
  /**
   * Changes some email preferences; the others keep their value. Returns them all.
   *
   * @throws {PorchlightError} `VALIDATION_FAILED` (422) for an unknown switch.
   * @example
   * await notifications.updatePreferences({ email: { replies: false } })
   */
  updatePreferences(
    changes: { email?: Partial<NotificationPreferences['email']> },
    options?: CallOptions,
  ): Promise<NotificationPreferences>
}

/**
 * Creates the notifications API on its own, from options or from a {@link Connection} (a client,
 * or `createAuth`'s object) whose session it then shares.
 *
 * @throws Nothing itself; see {@link Notifications} for what its methods throw.
 * @example
 * import { createAuth, createNotifications } from '@porchlight/sdk'
 * const auth = createAuth({ url: 'https://api.example.com', key: 'pk_…' })
 * const notifications = createNotifications(auth)
 * const count = await notifications.unreadCount()
 */
export function createNotifications(
  source: ClientOptions | Pick<Connection, 'request'>,
): Notifications {
  const { request } = 'request' in source ? source : connect(source)
  const path = '/v1/notifications'
  return {
    list: ({ unread, ...options } = {}) => requestPage(request, path, options, { unread }),
    unreadCount: async (options) =>
      (await request<{ count: number }>('GET', `${path}/unread-count`, options)).count,
    markRead: (ids, options) => request('POST', `${path}/read`, { ...options, body: { ids } }),
    preferences: (options) => request('GET', `${path}/preferences`, options),
    updatePreferences: (changes, options) =>
      request('PATCH', `${path}/preferences`, { ...options, body: changes }),
  }
}
