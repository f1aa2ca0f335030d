import { z } from 'zod'

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
