import { z } from 'zod'
import { memberNameAnswer, postAnswer, slugSchema, timestampAnswer } from './schemas.ts'

// Bodies of the member actions (edit, flag) and of the moderators' and admins' endpoints.

export const flagReasons = ['spam', 'abuse', 'off_topic', 'other'] as const
export type FlagReason = (typeof flagReasons)[number]

/** Longer than ten years is a ban in all but name, and bans are the site owner's. */
export const maxSuspensionDays = 3653

/** Bodies are bounded again by the site's maxPostLength; this bound only stops abuse early. */
export const editPostSchema = z.strictObject({
  body: z.string().trim().min(1, 'Write something.').max(100_000),
})

export const flagSchema = z.strictObject({
  reason: z.enum(flagReasons),
  note: z.string().trim().max(500).optional(),
})

const reason = z.string().trim().min(1, 'Say why.').max(500)

/** A reason the moderator must give: it is what the log and the author are told. */
export const reasonRequiredSchema = z.strictObject({ reason })
export const reasonOptionalSchema = z.strictObject({ reason: reason.optional() })

export const resolveFlagsSchema = z.strictObject({
  action: z.enum(['dismiss', 'hide', 'delete', 'suspend_author']),
  reason: reason.optional(),
  suspendDays: z.number().int().min(1).max(maxSuspensionDays).optional(),
})

export const moveThreadSchema = z.strictObject({
  category: z.string().min(1).max(63),
  reason: reason.optional(),
})

export const slowModeSchema = z.strictObject({
  /** Up to a day between a member's posts in the thread; 0 turns slow mode off. */
  seconds: z.number().int().min(0).max(86_400),
  reason: reason.optional(),
})

/** `days` from now, or `until` (ms since the epoch); exactly one. */
export const suspendSchema = z
  .strictObject({
    days: z.number().int().min(1).max(maxSuspensionDays).optional(),
    until: z.number().int().positive().optional(),
    reason,
  })
  .refine((v) => (v.days === undefined) !== (v.until === undefined), {
    message: 'Give either days or until.',
    path: ['days'],
  })

/**
 * A category change: any of the fields, none defaulted. (`categorySchema.partial()` would keep
 * its defaults and so reset every field the request leaves out.)
 */
export const categoryPatchSchema = z.strictObject({
  slug: slugSchema.optional(),
  name: z.string().trim().min(1).max(80).optional(),
  description: z.string().trim().max(500).optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  readAccess: z.enum(['everyone', 'members']).optional(),
  threadAccess: z.enum(['members', 'moderators']).optional(),
})

export const roleSchema = z.strictObject({ role: z.enum(['member', 'moderator', 'admin']) })

export const flagQueueQuery = z.strictObject({
  status: z.enum(['open', 'dismissed', 'actioned']).default('open'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

export const logQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

// What the member actions and the moderation routes answer with.

/** Every action the moderation log records. */
export const moderationActions = [
  'post.edit',
  'post.hide',
  'post.unhide',
  'post.delete',
  'flags.dismiss',
  'thread.hide',
  'thread.unhide',
  'thread.lock',
  'thread.unlock',
  'thread.pin',
  'thread.unpin',
  'thread.move',
  'thread.slow_mode',
  'thread.delete',
  'member.suspend',
  'member.ban',
  'member.unban',
  'member.role',
  'category.create',
  'category.update',
  'category.delete',
] as const

export const likeAnswer = z.strictObject({ likeCount: z.number().int(), liked: z.boolean() })

export const flagAnswer = z.strictObject({
  id: z.string(),
  postId: z.string(),
  reason: z.enum(flagReasons),
  note: z.string().nullable(),
  status: z.literal('open'),
  createdAt: timestampAnswer,
})

const flagStatus = z.enum(['open', 'dismissed', 'actioned'])

export const flagQueuePageAnswer = z.strictObject({
  items: z.array(
    z.strictObject({
      post: postAnswer,
      thread: z.strictObject({ id: z.string(), title: z.string() }),
      flagCount: z.number().int(),
      reasons: z.record(z.string(), z.number().int()).describe('How many flags give each reason.'),
      flags: z.array(
        z.strictObject({
          id: z.string(),
          reason: z.string(),
          note: z.string().nullable(),
          member: memberNameAnswer.nullable(),
          status: flagStatus,
          resolvedBy: z.string().nullable(),
          resolvedAt: timestampAnswer.nullable(),
          createdAt: timestampAnswer,
        }),
      ),
      firstFlaggedAt: timestampAnswer,
    }),
  ),
  nextCursor: z.string().nullable(),
})

export const resolveFlagsAnswer = z.strictObject({
  postId: z.string(),
  action: resolveFlagsSchema.shape.action,
  flagsResolved: z.number().int(),
  post: postAnswer,
})

export const suspensionAnswer = z.strictObject({
  id: z.string(),
  status: z.literal('suspended'),
  suspendedUntil: timestampAnswer,
})

export const roleAnswer = z.strictObject({ id: z.string(), role: roleSchema.shape.role })

/** A page of the moderation log, naming an operator who acted with `operatorShape`. */
function moderationLogPage<Operator extends z.ZodType>(operatorShape: Operator) {
  return z.strictObject({
    items: z.array(
      z.strictObject({
        id: z.string(),
        by: z
          .enum(['member', 'owner', 'operator', 'system'])
          .describe(
            '`owner`: with a secret key; `operator`: an operator of the console; `system`: the flag threshold.',
          ),
        actor: memberNameAnswer.nullable().describe('The member who acted, while they exist.'),
        operator: operatorShape
          .nullable()
          .describe('The operator who acted, by the name they had then.'),
        action: z.enum(moderationActions),
        targetType: z.enum(['post', 'thread', 'member', 'category', 'flag']),
        targetId: z.string(),
        reason: z.string().nullable(),
        details: z.record(z.string(), z.unknown()),
        createdAt: timestampAnswer,
      }),
    ),
    nextCursor: z.string().nullable(),
  })
}

/** The log as the owner API shows it: an operator with the id the console's other pages use. */
export const moderationLogPageAnswer = moderationLogPage(
  z.strictObject({ id: z.string(), name: z.string() }),
)

/**
 * The log as the site's member moderators read it: an operator by name only, since an operator's
 * id is the deployment's, not the site's, and nothing members can do takes it.
 */
export const memberModerationLogPageAnswer = moderationLogPage(z.strictObject({ name: z.string() }))

export const hiddenPostsQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

export const hiddenPostsPageAnswer = z.strictObject({
  items: z.array(
    z.strictObject({
      post: postAnswer.describe('As moderators see it: the body and `hiddenReason` included.'),
      thread: z.strictObject({ id: z.string(), title: z.string() }),
    }),
  ),
  nextCursor: z.string().nullable(),
})
