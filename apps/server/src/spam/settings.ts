import { z } from 'zod'
import { parseIpRange } from './ip-ranges.ts'

/** `bob@example.com`, or `@example.com` for a domain and its subdomains (`@ru`: a whole TLD). */
const blockedEmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .regex(
    /^([^\s@]+)?@[^\s@.][^\s@]*$/,
    'Use an address (bob@example.com) or a domain (@example.com).',
  )

const blockedWordSchema = z.string().trim().min(1).max(100)

const blockedIpSchema = z
  .string()
  .trim()
  .refine((entry) => parseIpRange(entry) !== null, 'Use an IPv4 or IPv6 address, or a CIDR range.')

/**
 * A form's spam settings, stored with the form. Every field has a default, so `{}` is a complete,
 * sensible configuration.
 */
export const spamSettingsSchema = z.strictObject({
  /** A field hidden from people that must come back empty. */
  honeypotField: z
    .string()
    .regex(/^\S{1,100}$/, 'A field name without spaces.')
    .default('_gotcha'),
  /** A time token younger than this is `too_fast`; people need longer to fill in a form. */
  minSeconds: z.number().min(0).max(3600).default(3),
  /** Mark submissions without a time token. Off by default: a plain HTML form cannot fetch one. */
  requireTimeToken: z.boolean().default(false),
  /**
   * When a proof-of-work solution is required: `scripted` for submissions sent by the SDK or the
   * script tag (JSON bodies), which always solve it; `always` also for plain HTML posts (only for
   * pages that run the ALTCHA widget); `off` never checks one. A solution that is sent is always
   * checked unless `off`.
   */
  proofOfWork: z.enum(['scripted', 'always', 'off']).default('scripted'),
  /**
   * More links than this across all fields marks the submission. 3 leaves room for a website
   * field plus a couple of links in a message; link spam carries many more. 0 allows none.
   */
  maxLinks: z.number().int().min(0).max(10_000).default(3),
  /** Whole words or phrases, case-insensitive; `*` at either end matches word beginnings/ends. */
  blockedWords: z.array(blockedWordSchema).max(500).default([]),
  /** Addresses (`bob@example.com`) or domains (`@example.com`, subdomains included). */
  blockedEmails: z.array(blockedEmailSchema).max(1000).default([]),
  /** Addresses or CIDR ranges, IPv4 or IPv6. */
  blockedIps: z.array(blockedIpSchema).max(1000).default([]),
  /** A repeat of a submission to this form within this many minutes is marked; 0 turns it off. */
  duplicateWindowMinutes: z.number().int().min(0).max(43_200).default(60),
  /** The Turnstile widget's secret key; when set, every submission needs a valid token. */
  turnstileSecret: z.string().trim().min(1).max(200).optional(),
})

export type SpamSettings = z.infer<typeof spamSettingsSchema>
export type SpamSettingsInput = z.input<typeof spamSettingsSchema>
