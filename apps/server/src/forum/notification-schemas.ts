import { z } from 'zod'
import { memberNameAnswer, timestampAnswer } from './schemas.ts'

// Requests and answers of a member's notifications, email preferences and thread watches.

export const notificationListQuery = z.strictObject({
  cursor: z.string().max(200).optional(),
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
})

export const markReadSchema = z.strictObject({
  ids: z.array(z.string().min(1).max(120)).max(500).optional(),
})

const watchLevel = z.enum(['watching', 'normal', 'muted'])

export const watchSchema = z.strictObject({ level: watchLevel })

export const notificationAnswer = z.strictObject({
  id: z.string(),
  kind: z.enum(['reply', 'mention', 'quote', 'like', 'moderation']),
  threadId: z.string().nullable(),
  threadTitle: z.string().nullable(),
  postId: z.string().nullable(),
  postNumber: z.number().int().nullable(),
  actor: memberNameAnswer.nullable(),
  data: z
    .record(z.string(), z.unknown())
    .nullable()
    .describe(
      'By kind: `like` {count, since}; `moderation` {action, reason, …}; a direct `reply` {direct: true}.',
    ),
  read: z.boolean(),
  createdAt: timestampAnswer,
})

export const notificationsPageAnswer = z.strictObject({
  items: z.array(notificationAnswer),
  nextCursor: z.string().nullable(),
})

export const unreadCountAnswer = z.strictObject({
  count: z.number().int().describe('Counted up to 999: a badge shows "999+" beyond.'),
})

export const preferencesAnswer = z.strictObject({
  email: z.strictObject({ replies: z.boolean(), mentions: z.boolean(), quotes: z.boolean() }),
})

export const watchAnswer = z.strictObject({ threadId: z.string(), level: watchLevel })
