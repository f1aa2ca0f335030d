import { Hono } from 'hono'
import type { z } from 'zod'
import { jsonBody } from '../http/body.ts'
import { afterResponse } from '../http/client-address.ts'
import type { AppEnv } from '../http/env.ts'
import { ApiError } from '../http/errors.ts'
import { documented } from '../http/openapi.ts'
import { rateLimitOrThrow } from '../http/rate-limit.ts'
import { siteOf } from '../http/site.ts'
import { actorOf, type ForumDeps, forumSettingsOfRequest } from './context.ts'
import { ForumErrors } from './errors.ts'
import { postViewFor } from './moderation-queries.ts'
import { assertCanWrite } from './permissions.ts'
import { createReply, createThread, renderForActor } from './posting.ts'
import { categoryBySlug } from './queries.ts'
import type { forumRequest } from './route-guards.ts'
import {
  createdReplyAnswer,
  createdThreadAnswer,
  createThreadSchema,
  previewAnswer,
  previewSchema,
  replySchema,
} from './schemas.ts'

/** Why a signed-in member may not write: banned, suspended, or an address still unconfirmed. */
export const writeRefusals = ['ACCOUNT_SUSPENDED', 'EMAIL_NOT_VERIFIED', 'FORBIDDEN'] as const

const postingRules =
  'The body is markdown (raw HTML is not rendered), at most the site’s `maxPostLength` characters. On their first day, members may post only a few times (429 NEW_MEMBER_LIMIT, with `Retry-After`) and with few links (422).'

/**
 * Writing discussions: a new thread, a reply, and the composer's preview. Mounted inside
 * `forumRoutes`, with its site and member-session middleware (`request`).
 */
export function postingRoutes(deps: ForumDeps, request: ReturnType<typeof forumRequest>) {
  const { db, clock } = deps
  return (
    new Hono<AppEnv>()
      .post(
        '/forum/threads',
        documented({
          summary: 'Start a thread',
          description: `Creates the thread with its opening post, and answers with the post as rendered. ${postingRules} Categories may let only moderators start threads (403 FORBIDDEN).`,
          tags: ['Discussions'],
          access: 'member',
          responses: { 201: createdThreadAnswer },
          errors: { 403: writeRefusals, 404: ['CATEGORY_NOT_FOUND'], 429: ['NEW_MEMBER_LIMIT'] },
        }),
        ...request,
        ...jsonBody(createThreadSchema),
        async (c) => {
          const { scope } = siteOf(c)
          const forum = await forumSettingsOfRequest(deps, c)
          const actor = actorOf(c, clock, forum)
          const input = c.req.valid('json')
          if (input.title.length > forum.maxTitleLength) {
            throw new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
              fields: { title: `At most ${forum.maxTitleLength} characters.` },
            })
          }
          assertBodyLength(input.body, forum.maxPostLength)
          const category = await categoryBySlug(db, scope, input.category)
          if (!category) throw ForumErrors.categoryNotFound()
          const created = await createThread(deps, scope, actor, category, input)
          afterResponse(c, deps.kickOutbox())
          return c.json(
            {
              id: created.threadId,
              postId: created.postId,
              post: await postViewFor(db, scope, actor, created.postId),
            } satisfies z.input<typeof createdThreadAnswer>,
            201,
          )
        },
      )
      // The composer's preview: rendered exactly as a post would be, for this member, and stored
      // nowhere. Rate-limited, as rendering is the most expensive thing a reader can ask for.
      .post(
        '/forum/preview',
        documented({
          summary: 'Preview a post',
          description:
            'Renders a body exactly as it would be posted by this member, and stores nothing. At most 120 previews a minute per member (429 RATE_LIMITED, with `Retry-After`).',
          tags: ['Discussions'],
          access: 'member',
          responses: { 200: previewAnswer },
          errors: { 403: writeRefusals, 429: ['RATE_LIMITED'] },
        }),
        ...request,
        ...jsonBody(previewSchema),
        async (c) => {
          const { scope, id } = siteOf(c)
          const forum = await forumSettingsOfRequest(deps, c)
          const actor = actorOf(c, clock, forum)
          assertCanWrite(actor)
          const { body } = c.req.valid('json')
          assertBodyLength(body, forum.maxPostLength)
          await rateLimitOrThrow(deps.limiter, {
            siteId: id,
            bucket: `preview:${actor.member.id}`,
            limit: 120,
            windowMs: 60_000,
          })
          const rendered = await renderForActor(deps, scope, actor, body)
          return c.json({ html: rendered.html } satisfies z.input<typeof previewAnswer>)
        },
      )
      .post(
        '/forum/threads/:id/posts',
        documented({
          summary: 'Reply to a thread',
          description: `Adds a post at the end of the thread and answers with its number and the post as rendered. \`replyTo\` names a post of the same thread whose author is told. ${postingRules} A locked thread takes no replies (403 THREAD_LOCKED), and a thread in slow mode one per member per interval (429 SLOW_MODE, with \`Retry-After\`); moderators are exempt from both.`,
          tags: ['Discussions'],
          access: 'member',
          responses: { 201: createdReplyAnswer },
          errors: {
            403: [...writeRefusals, 'THREAD_LOCKED'],
            404: ['THREAD_NOT_FOUND'],
            429: ['NEW_MEMBER_LIMIT', 'SLOW_MODE'],
          },
        }),
        ...request,
        ...jsonBody(replySchema),
        async (c) => {
          const { scope } = siteOf(c)
          const forum = await forumSettingsOfRequest(deps, c)
          const actor = actorOf(c, clock, forum)
          const input = c.req.valid('json')
          assertBodyLength(input.body, forum.maxPostLength)
          const created = await createReply(deps, scope, actor, c.req.param('id'), input)
          afterResponse(c, deps.kickOutbox())
          return c.json(
            {
              id: created.postId,
              number: created.number,
              post: await postViewFor(db, scope, actor, created.postId),
            } satisfies z.input<typeof createdReplyAnswer>,
            201,
          )
        },
      )
  )
}

function assertBodyLength(body: string, max: number) {
  if (body.length > max) {
    throw new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
      fields: { body: `At most ${max} characters.` },
    })
  }
}
