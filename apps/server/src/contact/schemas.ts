import { z } from 'zod'
import { webUrlSchema } from '../http/url-schemas.ts'
import { spamSettingsSchema } from '../spam/assess.ts'

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

export const listSubmissionsSchema = z.strictObject({
  form: formIdSchema.optional(),
  status: submissionStatusSchema.optional(),
  q: z.string().trim().min(1).max(200).optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
})

export const exportSubmissionsSchema = listSubmissionsSchema.omit({ cursor: true, limit: true })

export const updateSubmissionSchema = z.strictObject({ status: submissionStatusSchema })
