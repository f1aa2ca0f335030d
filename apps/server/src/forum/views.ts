import type { PostRow, ThreadRow } from './queries.ts'

// What readers see of threads and posts. Deleted posts keep their place as "[deleted]" so the
// thread stays readable; hidden ones are shown only to moderators, with the reason.

/** A member's author columns, from a left join: `null` once the member deleted their account. */
type Author = {
  id: string
  displayName: string
  username: string | null
  avatarUrl?: string | null
} | null

function authorView(author: Author) {
  return author
    ? {
        id: author.id,
        displayName: author.displayName,
        username: author.username,
        avatarUrl: author.avatarUrl ?? null,
      }
    : null
}

/** The thread columns a view shows; the listing reads no others. */
type ThreadShown = Pick<
  ThreadRow,
  | 'id'
  | 'categoryId'
  | 'title'
  | 'pinned'
  | 'locked'
  | 'hidden'
  | 'slowModeSeconds'
  | 'postCount'
  | 'lastActivityAt'
  | 'createdAt'
>

/**
 * The post columns a view shows. `bodySource` may be `null` where the reader was not going to
 * get it anyway (a page of posts reads it only for those who may edit).
 */
type PostShown = Omit<PostRow, 'siteId' | 'bodySource'> & { bodySource: string | null }

export function threadView(thread: ThreadShown, author: Author) {
  return {
    id: thread.id,
    categoryId: thread.categoryId,
    title: thread.title,
    author: authorView(author),
    pinned: thread.pinned,
    locked: thread.locked,
    hidden: thread.hidden,
    slowModeSeconds: thread.slowModeSeconds,
    postCount: thread.postCount,
    lastActivityAt: thread.lastActivityAt,
    createdAt: thread.createdAt,
  }
}

export function postView(
  post: PostShown,
  author: Author,
  viewer: { moderator: boolean; memberId: string | null; liked?: boolean },
) {
  const deleted = post.deletedAt !== null
  const concealed = deleted || (post.hidden && !viewer.moderator)
  return {
    id: post.id,
    threadId: post.threadId,
    number: post.number,
    author: deleted ? null : authorView(author),
    replyToId: post.replyToId,
    quoteOfId: post.quoteOfId,
    html: deleted
      ? '<p>[deleted]</p>'
      : post.hidden && !viewer.moderator
        ? '<p>[hidden by a moderator]</p>'
        : post.bodyHtml,
    // The source is for editing: only its author and moderators get it.
    ...(!concealed &&
      post.bodySource !== null &&
      (viewer.moderator || (viewer.memberId !== null && viewer.memberId === post.authorId)) && {
        source: post.bodySource,
      }),
    hidden: post.hidden,
    ...(viewer.moderator && post.hidden && { hiddenReason: post.hiddenReason }),
    deleted,
    edited: post.editedAt !== null,
    editedAt: post.editedAt,
    likeCount: post.likeCount,
    ...(viewer.liked !== undefined && { liked: viewer.liked }),
    createdAt: post.createdAt,
  }
}
