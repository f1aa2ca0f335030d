import { z } from 'zod'
import { forumSettingsSchema } from './settings.ts'

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'Use 1 to 63 lower-case letters, digits or "-".')
export const threadIdSchema = z.string().regex(/^thr_[a-z2-7]{24}$/, 'Not a thread id.')
export const postIdSchema = z.string().regex(/^pst_[a-z2-7]{24}$/, 'Not a post id.')

/** Bodies are bounded again by the site's maxPostLength; this bound only stops abuse early. */
const body = z.string().trim().min(1, 'Write something.').max(100_000)

export const createThreadSchema = z.strictObject({
  category: slugSchema,
  title: z.string().trim().min(3, 'At least 3 characters.').max(300),
  body,
})

export const replySchema = z.strictObject({ body, replyTo: postIdSchema.optional() })

export const previewSchema = z.strictObject({ body })

export const listThreadsQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

export const listPostsQuery = z.strictObject({
  /** Opaque cursor from a previous page (`nextCursor`), or a post number to continue after. */
  after: z.string().max(200).optional(),
  /** The same as `after`, under the name every other list uses. */
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const categorySchema = z.strictObject({
  slug: slugSchema,
  name: z.string().trim().min(1).max(80),
  description: z.string().trim().max(500).default(''),
  position: z.number().int().min(0).max(10_000).default(0),
  readAccess: z.enum(['everyone', 'members']).default('everyone'),
  threadAccess: z.enum(['members', 'moderators']).default('members'),
})

// What the discussion routes answer with (the OpenAPI document's response schemas). Strict, so
// a field the handler adds without documenting it fails the contract test.

/** Times are sent as milliseconds since the Unix epoch, as stored. */
export const timestampAnswer = z.number().int().describe('Milliseconds since the Unix epoch.')

/** The author of a thread or post; `null` where the member deleted their account. */
export const authorAnswer = z.strictObject({
  id: z.string(),
  displayName: z.string(),
  username: z.string().nullable(),
  avatarUrl: z.string().nullable(),
})

/** A member named in a list (a flagger, a log's actor, a notification's actor). */
export const memberNameAnswer = z.strictObject({
  id: z.string(),
  displayName: z.string(),
  username: z.string().nullable(),
})

export const categoryAnswer = z.strictObject({
  id: z.string(),
  slug: z.string(),
  name: z.string(),
  description: z.string(),
  position: z.number().int(),
  readAccess: z.enum(['everyone', 'members']),
  threadAccess: z.enum(['members', 'moderators']),
  createdAt: timestampAnswer,
  updatedAt: timestampAnswer,
})

export const categoriesAnswer = z.strictObject({ items: z.array(categoryAnswer) })

export const threadAnswer = z.strictObject({
  id: z.string(),
  categoryId: z.string(),
  title: z.string(),
  author: authorAnswer.nullable(),
  pinned: z.boolean(),
  locked: z.boolean(),
  hidden: z.boolean(),
  slowModeSeconds: z.number().int(),
  postCount: z.number().int(),
  lastActivityAt: timestampAnswer,
  createdAt: timestampAnswer,
})

export const threadsPageAnswer = z.strictObject({
  items: z.array(threadAnswer),
  nextCursor: z
    .string()
    .nullable()
    .describe('Pass as `cursor` for the next page; `null` at the end.'),
})

export const threadWithCategoryAnswer = threadAnswer.extend({ category: categoryAnswer })

export const postAnswer = z.strictObject({
  id: z.string(),
  threadId: z.string(),
  number: z.number().int().describe('Position in the thread; 1 is the opening post.'),
  author: authorAnswer.nullable(),
  replyToId: z.string().nullable(),
  quoteOfId: z.string().nullable(),
  html: z
    .string()
    .describe(
      'The rendered post; `<p>[deleted]</p>` or `<p>[hidden by a moderator]</p>` in its place.',
    ),
  source: z
    .string()
    .optional()
    .describe('The markdown as written: only for its author and moderators, for editing.'),
  hidden: z.boolean(),
  hiddenReason: z.string().nullable().optional().describe('For moderators, on hidden posts.'),
  deleted: z.boolean(),
  edited: z.boolean(),
  editedAt: timestampAnswer.nullable(),
  likeCount: z.number().int(),
  liked: z
    .boolean()
    .optional()
    .describe('Whether the signed-in reader liked it; absent for guests.'),
  createdAt: timestampAnswer,
})

export const postsPageAnswer = z.strictObject({
  items: z.array(postAnswer),
  nextCursor: z
    .string()
    .describe('Always present, even on the last page: polling with it picks up new posts.'),
  hasMore: z.boolean(),
})

export const createdThreadAnswer = z.strictObject({
  id: z.string().describe('The new thread.'),
  postId: z.string().describe('Its opening post.'),
  post: postAnswer,
})

export const createdReplyAnswer = z.strictObject({
  id: z.string(),
  number: z.number().int(),
  post: postAnswer,
})

export const previewAnswer = z.strictObject({ html: z.string() })

export const searchResultAnswer = z.strictObject({
  threadId: z.string(),
  threadTitle: z.string(),
  postId: z.string(),
  postNumber: z.number().int(),
  category: z.strictObject({ slug: z.string(), name: z.string() }),
  author: authorAnswer.nullable(),
  snippet: z.string().describe('Escaped text around the match; the only tags are `<mark>`.'),
  createdAt: timestampAnswer,
})

export const searchPageAnswer = z.strictObject({
  items: z.array(searchResultAnswer),
  nextCursor: z.string().nullable(),
})

/**
 * The owner's change to the discussion settings: any of the keys of `forumSettingsAnswer`, `null`
 * restoring a key's default. Checked against the settings' schema after merging with the stored
 * ones (forum/settings.ts), so each bad key is named `settings.<key>`.
 */
export const forumSettingsPatchSchema = z
  .record(z.string(), z.unknown())
  .describe('Any of the settings; `null` restores a key’s default.')

/** Every setting, with defaults filled in; only the two link templates may be absent. */
export const forumSettingsAnswer = forumSettingsSchema
  .required({
    images: true,
    editWindowMinutes: true,
    flagsToHide: true,
    emailQuietMinutes: true,
    maxPostLength: true,
    maxTitleLength: true,
  })
  .extend({ newMember: forumSettingsSchema.shape.newMember.unwrap().required() })
