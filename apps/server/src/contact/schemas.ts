import { z } from 'zod'
import { webUrlSchema } from '../http/url-schemas.ts'
import { spamReasons, spamSettingsSchema } from '../spam/assess.ts'

/** Form ids appear in URLs and HTML attributes: keep them to a slug. */
export const formIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, 'Use 1 to 63 lower-case letters, digits, "-" or "_".')

/** Field names the owner may configure; `_…` names are reserved for control fields. */
const fieldNameSchema = z.string().regex(/^[^_\s][^\s]{0,99}$/, 'Not a valid field name.')

const fieldRuleSchema = z.strictObject({
  required: z.boolean().default(false),
  /** `email` checks the value is an address; it also becomes the notification's Reply-To. */
  type: z.enum(['text', 'email']).default('text'),
  maxLength: z.number().int().min(1).max(100_000).optional(),
  /** Shown in notifications and error pages instead of the raw name. */
  label: z.string().trim().min(1).max(100).optional(),
})

export type FieldRule = z.infer<typeof fieldRuleSchema>

export const formSettingsSchema = z.strictObject({
  fields: z.record(fieldNameSchema, fieldRuleSchema).default({}),
  /** Refuse fields not listed in `fields`, instead of keeping them. */
  strict: z.boolean().default(false),
  maxFields: z.number().int().min(1).max(200).default(30),
  maxFieldLength: z.number().int().min(1).max(100_000).default(5000),
  /** Who gets an email for each submission that is not spam. */
  notify: z.array(z.email()).max(20).default([]),
  /** `{{form}}`, `{{site}}` and `{{field.NAME}}` are replaced. */
  subject: z.string().trim().min(1).max(200).default('New submission: {{form}} on {{site}}'),
  autoresponse: z
    .strictObject({
      enabled: z.boolean().default(false),
      subject: z.string().trim().min(1).max(200).default('We received your message'),
      text: z
        .string()
        .trim()
        .min(1)
        .max(5000)
        .default('Thank you for getting in touch. We will reply as soon as we can.'),
    })
    .default({
      enabled: false,
      subject: 'We received your message',
      text: 'Thank you for getting in touch. We will reply as soon as we can.',
    }),
  /** Where a plain HTML post lands afterwards; default: a built-in thank-you page. */
  redirectUrl: webUrlSchema().optional(),
  rateLimits: z
    .strictObject({
      perAddressPerHour: z.number().int().min(1).max(100_000).default(20),
      perFormPerHour: z.number().int().min(1).max(1_000_000).default(1000),
    })
    .default({ perAddressPerHour: 20, perFormPerHour: 1000 }),
  spam: spamSettingsSchema.default(spamSettingsSchema.parse({})),
  /** Receives a signed `submission.created` event for each submission that is not spam. */
  webhookUrl: webUrlSchema().optional(),
  /**
   * Days each submission is kept, whatever its status, from its arrival; housekeeping deletes
   * older ones. Unset or null: kept until the owner deletes them (spam goes sooner, after the
   * deployment's RETENTION_SPAM_DAYS).
   */
  retentionDays: z.number().int().min(1).max(3650).nullable().optional(),
})

export type FormSettings = z.infer<typeof formSettingsSchema>

export const createFormSchema = z.strictObject({
  id: formIdSchema,
  name: z.string().trim().min(1).max(100),
  enabled: z.boolean().default(true),
  settings: formSettingsSchema.default(formSettingsSchema.parse({})),
})

/** Top-level settings keys replace the stored ones; keys left out keep their value. */
export const updateFormSchema = z.strictObject({
  name: z.string().trim().min(1).max(100).optional(),
  enabled: z.boolean().optional(),
  settings: z.record(z.string(), z.unknown()).optional(),
})

export const submissionStatusSchema = z.enum(['new', 'read', 'spam', 'archived'])

export const updateSubmissionSchema = z.strictObject({ status: submissionStatusSchema })

// What the API answers with, for the OpenAPI document and the contract test. Written out rather
// than derived from the input schemas above: those describe what may be sent (defaults optional),
// these what is always sent back (every default filled in).

/** `true` only when A and B are one type, optional and readonly keys alike. */
type SameType<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false

const timestamp = z.number().int().describe('Milliseconds since the Unix epoch.')

/** `GET /v1/forms/{formId}/challenge`: a proof-of-work challenge and a time token. */
export const challengeAnswer = z.strictObject({
  algorithm: z.literal('SHA-256'),
  challenge: z.string().describe('SHA-256 of `salt` and the secret number, in hex.'),
  maxnumber: z.number().int().describe('The secret number is at most this.'),
  salt: z.string().describe('Random hex, then `?expires=<unix seconds>&`.'),
  signature: z.string(),
  timeToken: z.string().describe('Send it back as `_t`: it shows how long the form was open.'),
})

const submittedValue = z.union([z.string(), z.number(), z.boolean()])

/**
 * What a submission's body may hold, for the API reference only: the route reads the body itself
 * (fields.ts), since it takes plain HTML form posts as well as JSON.
 */
export const submissionBody = z
  .object({
    _gotcha: z
      .string()
      .optional()
      .describe('The honeypot (a form may name it otherwise): people leave it empty, bots do not.'),
    _t: z.string().optional().describe('The challenge’s `timeToken`.'),
    _altcha: z
      .string()
      .optional()
      .describe('The solved challenge: base64 of the ALTCHA payload (`altcha` is read too).'),
    _next: z
      .string()
      .optional()
      .describe('Plain HTML posts: where to go afterwards, on one of the site’s origins.'),
    'cf-turnstile-response': z.string().optional().describe('A Cloudflare Turnstile token.'),
  })
  .catchall(z.union([submittedValue, z.array(submittedValue)]))
  .describe(
    'The form’s fields by name; a list for a field sent more than once. Other names starting with `_` are ignored. Files are refused.',
  )

/** A page for people (`text/html`), or a file (`text/csv`): text, not JSON. */
export const htmlPageAnswer = z.string()
export const csvFileAnswer = z.string()

/** `POST /v1/forms/{formId}/submissions` with a JSON body. */
export const submissionCreatedAnswer = z.strictObject({ id: z.string() })

const fieldRuleAnswer = z.strictObject({
  required: z.boolean(),
  type: z.enum(['text', 'email']),
  maxLength: z.number().int().optional(),
  label: z.string().optional(),
})

const spamSettingsAnswer = z.strictObject({
  honeypotField: z.string(),
  minSeconds: z.number(),
  requireTimeToken: z.boolean(),
  proofOfWork: spamSettingsSchema.shape.proofOfWork.unwrap(),
  maxLinks: z.number().int(),
  blockedWords: z.array(z.string()),
  blockedEmails: z.array(z.string()),
  blockedIps: z.array(z.string()),
  duplicateWindowMinutes: z.number().int(),
  turnstileSecret: z.string().optional(),
})

const formSettingsAnswer = z.strictObject({
  fields: z.record(z.string(), fieldRuleAnswer),
  strict: z.boolean(),
  maxFields: z.number().int(),
  maxFieldLength: z.number().int(),
  notify: z.array(z.string()),
  subject: z.string(),
  autoresponse: z.strictObject({ enabled: z.boolean(), subject: z.string(), text: z.string() }),
  redirectUrl: z.string().optional(),
  rateLimits: z.strictObject({
    perAddressPerHour: z.number().int(),
    perFormPerHour: z.number().int(),
  }),
  spam: spamSettingsAnswer,
  webhookUrl: z.string().optional(),
  retentionDays: z
    .number()
    .int()
    .nullable()
    .optional()
    .describe('Days submissions are kept; unset or null: until the owner deletes them.'),
})

// The answer above must name exactly the settings a form has: a setting added to
// `formSettingsSchema` and not here fails type-checking, not first in a client.
const settingsAnswerIsComplete: SameType<FormSettings, z.output<typeof formSettingsAnswer>> = true
void settingsAnswerIsComplete

/** A form as its owner sees it. */
export const formAnswer = z.strictObject({
  id: z.string(),
  name: z.string(),
  enabled: z.boolean(),
  settings: formSettingsAnswer,
  webhookSecret: z
    .string()
    .nullable()
    .describe(
      'Signs the form’s webhook deliveries (Standard Webhooks, `whsec_…`); `null` for console operators below editor.',
    ),
  createdAt: timestamp,
  updatedAt: timestamp,
})

export const formListAnswer = z.strictObject({ items: z.array(formAnswer) })

export const webhookSecretAnswer = z.strictObject({
  webhookSecret: z.string().describe('The new secret; the old one no longer signs deliveries.'),
})

/** A submission as its owner sees it. */
export const submissionAnswer = z.strictObject({
  id: z.string(),
  formId: z.string(),
  status: submissionStatusSchema,
  data: z
    .record(z.string(), z.union([z.string(), z.array(z.string())]))
    .describe('The fields as sent, normalised; a field sent more than once is a list.'),
  spamReasons: z
    .array(z.enum(spamReasons))
    .describe('Why the spam filter marked it; empty when it did not.'),
  email: z.string().nullable().describe('The submitter’s address, when a field held one.'),
  memberId: z.string().nullable().describe('The signed-in member who sent it, if any.'),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  notifiedAt: timestamp.nullable().describe('When the notification was queued; null for spam.'),
  createdAt: timestamp,
  updatedAt: timestamp,
})

export const submissionPageAnswer = z.strictObject({
  items: z.array(submissionAnswer),
  nextCursor: z
    .string()
    .nullable()
    .describe('Pass as `cursor` for the next page; null on the last page.'),
})
