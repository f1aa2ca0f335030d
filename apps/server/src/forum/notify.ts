import type { BatchItem } from 'drizzle-orm/batch'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { ForumSettings } from './settings.ts'

/** What a new post means for other members: who watches, who was mentioned, quoted, replied to. */
export type NewPostEvent = {
  threadId: string
  threadTitle: string
  postId: string
  postNumber: number
  authorId: string
  /** Member ids mentioned with @username (already resolved, author excluded by the callee). */
  mentionedIds: readonly string[]
  /** Authors of quoted posts. */
  quotedAuthorIds: readonly string[]
  /** Author of the post this one replies to. */
  replyToAuthorId: string | null
  excerpt: string
}

/**
 * The statements that notify members of a new post, for the same batch as the post itself:
 * in-app notifications, and emails queued per watcher and coalesced per quiet period.
 * (Filled in by the notifications module.)
 */
export function newPostNotifications(
  _db: Database,
  _clock: Clock,
  _scope: SiteScope,
  _settings: ForumSettings,
  _event: NewPostEvent,
): BatchItem<'sqlite'>[] {
  return []
}
