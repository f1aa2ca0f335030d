import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import type { ResolvedSite } from '../http/env.ts'
import { HttpErrors } from '../http/errors.ts'
import { newId } from '../ids.ts'
import { emailPayloadSchema } from '../mail/job.ts'
import type { Metrics } from '../metrics/metrics.ts'
import type { ClaimedJob } from '../outbox/deliver.ts'
import type { OutboxRunner } from '../outbox/runner.ts'
import { assessBeforeStoring } from '../spam/assess.ts'
import type { TurnstileVerifier } from '../spam/turnstile.ts'
import { ContactErrors } from './errors.ts'
import { type ParsedSubmission, submitterEmail, validateFields } from './fields.ts'
import { autoresponseFor, notificationsFor } from './notify.ts'
import type { Form } from './queries.ts'
import { writeSubmission } from './submission-write.ts'

export type SubmitDeps = {
  db: Database
  clock: Clock
  turnstile: TurnstileVerifier
  metrics: Metrics
  /**
   * When given, the submission's jobs are queued claimed by this process (`birthClaim`), and
   * returned to be delivered (`deliverBornClaimed`) without a claim of their own.
   */
  outbox?: Pick<OutboxRunner, 'birthClaim'>
}

const hourMs = 3_600_000

const isMailable = (address: string) =>
  emailPayloadSchema.shape.to.element.safeParse(address).success

/**
 * Accepts one submission. Invalid input gets an honest error and stores nothing. Valid input is
 * always stored: spam is marked with its reasons, never dropped, and answered exactly like a real
 * submission so a bot learns nothing. The rate limits, the row, and the owner's notification,
 * webhook and autoresponse are written in one transaction (`submission-write.ts`), so an
 * acknowledged submission never loses them, and a refused one stores nothing.
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
): Promise<{
  id: string
  spam: boolean
  notes: readonly string[]
  redirectUrl?: string
  /** Null when the jobs were queued unclaimed: a kick delivers them. */
  bornClaimed: ClaimedJob[] | null
}> {
  const { clock } = deps
  const { scope } = site
  if (!form) throw ContactErrors.formNotFound()
  const formId = form.id
  if (!form.enabled) throw ContactErrors.formDisabled()
  const { settings } = form

  // Values that were not text are listed with the rule failures: every bad field at once.
  const errors = { ...validateFields(submission.fields, settings), ...submission.invalid }
  if (Object.keys(errors).length > 0) throw HttpErrors.validation(errors)

  const email = submitterEmail(submission.fields, settings)
  const verdict = await assessBeforeStoring(deps, {
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
  // Queued only if the write stores it clean: a replay or a repeat found there queues nothing.
  const jobs = verdict.spam ? [] : notificationsFor(form, site, stored)
  // The form accepts some addresses the mail layer refuses (`ann@example.c`, non-ASCII): such a
  // sender gets no confirmation, rather than a 500 that loses the submission itself.
  const confirmTo =
    !verdict.spam && email && settings.autoresponse.enabled && isMailable(email) ? email : undefined
  const claim = deps.outbox?.birthClaim() ?? undefined
  const written = await writeSubmission(deps, {
    scope,
    row: {
      ...stored,
      ip: meta.ip,
      memberId: meta.memberId ?? null,
      userAgent: meta.userAgent?.slice(0, 500) ?? null,
    },
    verdict,
    // A site's server that names no visitor is one address for all of them: only the form's
    // limit applies to it.
    ...((!meta.siteServer || meta.siteServer.visitorNamed) && {
      perAddress: {
        bucket: `submit:${formId}:${meta.ip}`,
        limit: settings.rateLimits.perAddressPerHour,
      },
    }),
    perForm: { bucket: `submit:${formId}`, limit: settings.rateLimits.perFormPerHour },
    jobs,
    // At most a few confirmations per address an hour: the form must not become a way to send
    // mail to strangers.
    ...(confirmTo !== undefined && {
      autoresponse: {
        job: autoresponseFor(form, site, confirmTo),
        limit: { bucket: `autoresponse:${confirmTo}`, limit: 3 },
      },
    }),
    windowMs: hourMs,
    ...(claim && { claim }),
  })
  if (!written.stored) {
    deps.metrics.rateLimited('submit')
    throw HttpErrors.rateLimited(written.retryAfterSeconds)
  }
  if (written.autoresponseLimited) deps.metrics.rateLimited('autoresponse')
  // Counted once stored: a submission the database refused was not accepted.
  deps.metrics.contactSubmission(written)
  return {
    id: stored.id,
    spam: written.spam,
    notes: verdict.notes,
    ...(settings.redirectUrl && { redirectUrl: settings.redirectUrl }),
    bornClaimed: claim ? written.bornClaimed : null,
  }
}
