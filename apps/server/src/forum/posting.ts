import { eq, sql } from 'drizzle-orm'
import type { BatchItem } from 'drizzle-orm/batch'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { posts, threads, watches } from '../db/schema.ts'
import { HttpErrors } from '../http/errors.ts'
import { fillUrlTemplate } from '../http/url-schemas.ts'
import { newId } from '../ids.ts'
import type { SiteScope } from '../sites/scope.ts'
import { ForumErrors } from './errors.ts'
import { extractMentions, renderPost } from './markdown.ts'
import { newPostNotifications } from './notify.ts'
import {
  type Actor,
  assertCanReply,
  assertCanStartThread,
  isModerator,
  isNewMember,
  type MemberActor,
  mayPostImages,
} from './permissions.ts'
import {
  type CategoryRow,
  lastPostInThread,
  membersByUsername,
  postCountSince,
  postWithThread,
  type ThreadRow,
  threadWithCategory,
} from './queries.ts'
import type { ForumSettings } from './settings.ts'

export type PostingDeps = { db: Database; clock: Clock }

/**
 * Links in emails and mentions point at the site's pages when it says where they are, else at a
 * fragment of the page showing them. A template that does not make a web URL (a row stored
 * before templates were checked) counts as unset: the link must never be unsafe to render.
 */
export function forumUrls(settings: ForumSettings) {
  const fill = (template: string | undefined, placeholder: string, value: string) =>
    template ? fillUrlTemplate(template, { [placeholder]: value }) : null
  return {
    member: (username: string) =>
      fill(settings.memberUrlTemplate, '{username}', username) ??
      `#member-${encodeURIComponent(username)}`,
    post: (postId: string) =>
      fill(settings.postUrlTemplate, '{post}', postId) ?? `#post-${encodeURIComponent(postId)}`,
  }
}

/**
 * Renders a body for the actor: images per the site's setting, mentions resolved to members of
 * this site, links counted for the new-member limit. Rendered once, at write time.
 */
export async function renderForActor(
  deps: PostingDeps,
  scope: SiteScope,
  actor: MemberActor,
  body: string,
) {
  const found = await membersByUsername(deps.db, scope, extractMentions(body))
  const known = new Map(
    found.flatMap((m) =>
      m.username && m.usernameKey
        ? [[m.usernameKey, { id: m.id, username: m.username }] as const]
        : [],
    ),
  )
  const urls = forumUrls(actor.forum)
  const rendered = renderPost(body, {
    allowImages: mayPostImages(actor),
    members: known,
    mentionUrl: urls.member,
    quoteUrl: urls.post,
  })
  if (isNewMember(actor) && rendered.links > actor.forum.newMember.maxLinksPerPost) {
    throw ForumErrors.tooManyLinks(actor.forum.newMember.maxLinksPerPost)
  }
  return rendered
}

/**
 * New members' first-day cap and a thread's slow mode. Moderators are exempt from both: they
 * are the ones cleaning up.
 */
async function assertPostingPace(
  deps: PostingDeps,
  scope: SiteScope,
  actor: MemberActor,
  thread?: ThreadRow,
) {
  if (isModerator(actor)) return
  const now = actor.now
  if (isNewMember(actor)) {
    const day = 86_400_000
    const count = await postCountSince(deps.db, scope, actor.member.id, now - day)
    if (count >= actor.forum.newMember.maxPostsPerDay) throw ForumErrors.newMemberPostLimit(3600)
  }
  if (thread && thread.slowModeSeconds > 0) {
    const last = await lastPostInThread(deps.db, scope, thread.id, actor.member.id)
    const wait = last === null ? 0 : last + thread.slowModeSeconds * 1000 - now
    if (wait > 0) throw ForumErrors.slowMode(Math.ceil(wait / 1000))
  }
}

/**
 * The insert of a post at the next position of its thread, and the thread's counters, as batch
 * statements. The position comes from the thread row inside the same transaction, so two
 * replies at once get distinct, gap-free numbers.
 */
function insertPostStatements(
  db: Database,
  scope: SiteScope,
  post: {
    id: string
    threadId: string
    authorId: string
    replyToId: string | null
    quoteOfId: string | null
    source: string
    html: string
    now: number
  },
): [BatchItem<'sqlite'>, ...BatchItem<'sqlite'>[]] {
  return [
    db.run(sql`INSERT INTO ${posts} (id, site_id, thread_id, number, author_id, reply_to_id, quote_of_id, body_source, body_html, created_at)
      SELECT ${post.id}, ${scope.siteId}, ${post.threadId}, ${threads.postCount} + 1, ${post.authorId}, ${post.replyToId},
        ${post.quoteOfId}, ${post.source}, ${post.html}, ${post.now}
      FROM ${threads} WHERE ${threads.id} = ${post.threadId} AND ${threads.siteId} = ${scope.siteId}`),
    db
      .update(threads)
      .set({
        postCount: sql`${threads.postCount} + 1`,
        lastPostId: post.id,
        lastActivityAt: post.now,
        version: sql`${threads.version} + 1`,
      })
      .where(scope.where(threads, eq(threads.id, post.threadId))),
    // Members watch the threads they start or reply to, unless they chose otherwise before.
    db
      .insert(watches)
      .values({
        siteId: scope.siteId,
        threadId: post.threadId,
        memberId: post.authorId,
        level: 'watching',
      })
      .onConflictDoNothing(),
  ]
}

export async function createThread(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  category: CategoryRow,
  input: { title: string; body: string },
) {
  assertCanStartThread(actor, category)
  await assertPostingPace(deps, scope, actor)
  const rendered = await renderForActor(deps, scope, actor, input.body)
  const now = actor.now
  const threadId = newId('thr')
  const postId = newId('pst')
  await deps.db.batch([
    deps.db.insert(threads).values({
      id: threadId,
      siteId: scope.siteId,
      categoryId: category.id,
      authorId: actor.member.id,
      title: input.title,
      lastActivityAt: now,
      createdAt: now,
    }),
    ...insertPostStatements(deps.db, scope, {
      id: postId,
      threadId,
      authorId: actor.member.id,
      replyToId: null,
      quoteOfId: null,
      source: input.body,
      html: rendered.html,
      now,
    }),
    ...newPostNotifications(deps.db, deps.clock, scope, actor.forum, {
      threadId,
      threadTitle: input.title,
      postId,
      postNumber: 1,
      authorId: actor.member.id,
      mentionedIds: rendered.mentions,
      quotedAuthorIds: [],
      replyToAuthorId: null,
      excerpt: input.body.slice(0, 300),
    }),
  ])
  return { threadId, postId }
}

export async function createReply(
  deps: PostingDeps,
  scope: SiteScope,
  actor: Actor,
  threadId: string,
  input: { body: string; replyTo?: string },
) {
  const found = await threadWithCategory(deps.db, scope, threadId)
  if (!found) throw ForumErrors.threadNotFound()
  const { thread, category } = found
  assertCanReply(actor, category, thread)
  await assertPostingPace(deps, scope, actor, thread)
  const rendered = await renderForActor(deps, scope, actor, input.body)

  const replyTo = input.replyTo ? await postWithThread(deps.db, scope, input.replyTo) : null
  if (input.replyTo && replyTo?.post.threadId !== threadId) {
    throw HttpErrors.validation({ replyTo: 'Must be a post in this thread.' })
  }
  const quoted = await Promise.all(
    rendered.quotedPostIds.slice(0, 10).map((id) => postWithThread(deps.db, scope, id)),
  )
  const quotedAuthorIds = quoted.flatMap((q) =>
    q?.post.authorId && !q.post.deletedAt ? [q.post.authorId] : [],
  )

  const postId = newId('pst')
  await deps.db.batch([
    ...insertPostStatements(deps.db, scope, {
      id: postId,
      threadId,
      authorId: actor.member.id,
      replyToId: replyTo?.post.id ?? null,
      quoteOfId: quoted.find(Boolean)?.post.id ?? null,
      source: input.body,
      html: rendered.html,
      now: actor.now,
    }),
    ...newPostNotifications(deps.db, deps.clock, scope, actor.forum, {
      threadId,
      threadTitle: thread.title,
      postId,
      postNumber: thread.postCount + 1,
      authorId: actor.member.id,
      mentionedIds: rendered.mentions,
      quotedAuthorIds,
      replyToAuthorId: replyTo?.post.authorId ?? null,
      excerpt: input.body.slice(0, 300),
    }),
  ])
  const [row] = await deps.db
    .select({ number: posts.number })
    .from(posts)
    .where(scope.where(posts, eq(posts.id, postId)))
  return { postId, number: row?.number ?? thread.postCount + 1 }
}
