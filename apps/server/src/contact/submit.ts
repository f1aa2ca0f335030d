import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import { submissions } from '../db/schema.ts'
import type { ResolvedSite } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { type RateLimiter, rateLimitOrThrow } from '../http/rate-limit.ts'
import { newId } from '../ids.ts'
import { emailPayloadSchema } from '../mail/job.ts'
import type { Metrics } from '../metrics/metrics.ts'
import { enqueue } from '../outbox/jobs.ts'
import { assessSubmission } from '../spam/assess.ts'
import type { TurnstileVerifier } from '../spam/turnstile.ts'
import { ContactErrors } from './errors.ts'
import { type ParsedSubmission, submitterEmail, validateFields } from './fields.ts'
import { autoresponseFor, notificationsFor } from './notify.ts'
import type { Form } from './queries.ts'

export type SubmitDeps = {
  db: Database
  clock: Clock
  limiter: RateLimiter
  turnstile: TurnstileVerifier
  metrics: Metrics
}

const hourMs = 3_600_000

const isMailable = (address: string) =>
  emailPayloadSchema.shape.to.element.safeParse(address).success

/**
 * Accepts one submission. Invalid input gets an honest error and stores nothing. Valid input is
 * always stored: spam is marked with its reasons, never dropped, and answered exactly like a real
 * submission so a bot learns nothing. The owner's notification, webhook and autoresponse are
 * queued in the same batch as the row, so an acknowledged submission never loses them.
 */
export async function submitForm(
  deps: SubmitDeps,
  site: ResolvedSite,
  form: Form | null,
  submission: ParsedSubmission,
  meta: {
    ip: string
    userAgent?: string
    memberId?: string
    /**
     * Sent by the site's own server with its secret key (`server-caller.ts`): no browser proofs
     * to check, and `ip` is the visitor it named (`visitorNamed`) or else the server itself.
     */
    siteServer?: { visitorNamed: boolean }
  },
): Promise<{ id: string; spam: boolean; notes: readonly string[]; redirectUrl?: string }> {
  const { db, clock, limiter } = deps
  const { scope } = site
  if (!form) throw ContactErrors.formNotFound()
  const formId = form.id
  if (!form.enabled) throw ContactErrors.formDisabled()
  const { settings } = form

  // Values that were not text are listed with the rule failures: every bad field at once.
  const errors = { ...validateFields(submission.fields, settings), ...submission.invalid }
  if (Object.keys(errors).length > 0) throw HttpErrors.validation(errors)

  // Per address first: one noisy client should hit its own limit before it uses up the form's.
  // A site's server that names no visitor is one address for all of them: only the form's
  // limit applies to it.
  if (!meta.siteServer || meta.siteServer.visitorNamed) {
    await rateLimitOrThrow(limiter, {
      siteId: site.id,
      bucket: `submit:${formId}:${meta.ip}`,
      limit: settings.rateLimits.perAddressPerHour,
      windowMs: hourMs,
    })
  }
  await rateLimitOrThrow(limiter, {
    siteId: site.id,
    bucket: `submit:${formId}`,
    limit: settings.rateLimits.perFormPerHour,
    windowMs: hourMs,
  })

  const email = submitterEmail(submission.fields, settings)
  const verdict = await assessSubmission(deps, scope, {
    formId,
    signingSecret: site.signingSecret,
    settings: settings.spam,
    fields: submission.fields,
    control: submission.control,
    email,
    ip: meta.ip,
    viaScript: submission.viaScript,
    fromSiteServer: meta.siteServer !== undefined,
  })

  const now = clock.now()
  const stored = {
    id: newId('sub'),
    formId,
    data: submission.fields,
    email: email ?? null,
    createdAt: now,
  }
  const jobs = verdict.spam ? [] : notificationsFor(form, site, stored)
  // The form accepts some addresses the mail layer refuses (`ann@example.c`, non-ASCII): such a
  // sender gets no confirmation, rather than a 500 that loses the submission itself.
  if (!verdict.spam && email && settings.autoresponse.enabled && isMailable(email)) {
    // At most a few confirmations per address an hour: the form must not become a way to
    // send mail to strangers.
    const allowed = await limiter.hit({
      siteId: site.id,
      bucket: `autoresponse:${email}`,
      limit: 3,
      windowMs: hourMs,
    })
    if (allowed.allowed) jobs.push(autoresponseFor(form, site, email))
  }

  await db.batch([
    db.insert(submissions).values({
      ...stored,
      siteId: site.id,
      status: verdict.spam ? 'spam' : 'new',
      spamReasons: verdict.reasons,
      ip: meta.ip,
      memberId: meta.memberId ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
      contentHash: verdict.contentHash,
      notifiedAt: verdict.spam ? null : now,
      updatedAt: now,
    }),
    ...jobs.map((job) => enqueue(db, clock, scope, job)),
  ])
  // Counted once stored: a submission the database refused was not accepted.
  deps.metrics.contactSubmission(verdict)
  return {
    id: stored.id,
    spam: verdict.spam,
    notes: verdict.notes,
    ...(settings.redirectUrl && { redirectUrl: settings.redirectUrl }),
  }
}
