import { z } from 'zod'

/**
 * How long housekeeping keeps rows that have served their purpose, in days; `null` keeps them
 * for good. Rows that can never be used again (expired sessions, emailed links used or expired,
 * rate-limit counters, spent proof-of-work) have no setting: they go once expired, because
 * keeping them would only keep the addresses and user agents they hold.
 */
export type RetentionConfig = {
  /** Spam submissions, counted from when they were last moved (into the spam folder). */
  spamDays: number | null
  /** Notifications a member has read, counted from when they were read. */
  readNotificationsDays: number | null
  /** Outbox jobs delivered (emails, webhooks), counted from delivery. */
  deliveredJobsDays: number | null
  /** Outbox jobs that failed for good, counted from their last attempt; owners may retry them. */
  deadJobsDays: number | null
}

const maxDays = 3650

/** `30`, or `off`; unset gives `fallback`. */
function retentionDays(fallback: number) {
  return z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return fallback
      const text = value.trim().toLowerCase()
      if (text === 'off') return null
      const days = /^\d+$/.test(text) ? Number(text) : Number.NaN
      if (days >= 1 && days <= maxDays) return days
      ctx.addIssue({
        code: 'custom',
        message: `must be a whole number of days from 1 to ${maxDays}, or off (got "${value}")`,
      })
      return z.NEVER
    })
}

/** The retention variables, for the environment schema in config.ts. */
export const retentionEnv = {
  RETENTION_SPAM_DAYS: retentionDays(30),
  RETENTION_READ_NOTIFICATIONS_DAYS: retentionDays(90),
  // Long enough to answer "did that email go out last week?" from the owner's outbox listing.
  RETENTION_DELIVERED_JOBS_DAYS: retentionDays(14),
  // Longer: a dead job is one the owner may still want to look into and retry.
  RETENTION_DEAD_JOBS_DAYS: retentionDays(60),
}

type RetentionEnv = { [K in keyof typeof retentionEnv]: z.output<(typeof retentionEnv)[K]> }

export function retentionConfig(env: RetentionEnv): RetentionConfig {
  return {
    spamDays: env.RETENTION_SPAM_DAYS,
    readNotificationsDays: env.RETENTION_READ_NOTIFICATIONS_DAYS,
    deliveredJobsDays: env.RETENTION_DELIVERED_JOBS_DAYS,
    deadJobsDays: env.RETENTION_DEAD_JOBS_DAYS,
  }
}
