import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import type { SiteScope } from '../sites/scope.ts'
import {
  containsBlockedWord,
  contentHash,
  countLinks,
  type FieldValues,
  fieldValues,
  isBlockedEmail,
  isRecentDuplicate,
} from './content-rules.ts'
import { honeypotFilled } from './honeypot.ts'
import { matchIpRange } from './ip-ranges.ts'
import { checkProofOfWork, type ProofOfWorkSpend, spendProofOfWork } from './proof-of-work.ts'
import type { SpamSettings } from './settings.ts'
import { checkTimeToken } from './time-token.ts'
import { type TurnstileVerifier, turnstileUnavailableCodes } from './turnstile.ts'

export { contentHash } from './content-rules.ts'
export { type SpamSettings, type SpamSettingsInput, spamSettingsSchema } from './settings.ts'

/** Why a submission was marked as spam; stored with it and shown to reviewers. Stable. */
export const spamReasons = [
  'honeypot',
  'blocked_ip',
  'blocked_email',
  'too_many_links',
  'blocked_word',
  'missing_time_token',
  'too_fast',
  'expired_time_token',
  'invalid_time_token',
  'missing_proof_of_work',
  'invalid_proof_of_work',
  'expired_proof_of_work',
  'replayed_proof_of_work',
  'duplicate',
  'missing_turnstile_token',
  'turnstile_failed',
] as const

export type SpamReason = (typeof spamReasons)[number]

/** Things worth logging that did not make the submission spam. */
export type SpamNote = 'turnstile_unavailable'

export type AssessDeps = { db: Database; clock: Clock; turnstile: TurnstileVerifier }

export type AssessInput = {
  formId: string
  /** The site's `signing_secret`: signs time tokens and proof-of-work challenges. */
  signingSecret: string
  settings: SpamSettings
  /** The submitted fields, control fields already split off. */
  fields: FieldValues
  control: { honeypot?: string; timeToken?: string; altcha?: string; turnstileToken?: string }
  /** The submitter's address, when the form has one. */
  email?: string
  ip?: string
  /** Sent by the SDK or the script tag (a JSON body), which can solve challenges. */
  viaScript: boolean
  /**
   * Sent by the site's own server with its secret key: the key vouches for the caller, so the
   * checks that only a browser can pass (proof of work, time token, Turnstile) are not asked.
   */
  fromSiteServer?: boolean
}

export type SpamAssessment = {
  spam: boolean
  reasons: SpamReason[]
  notes: SpamNote[]
  /** Store it with the submission (`submissions.content_hash`) for later duplicate checks. */
  contentHash: string
}

/**
 * What the write that stores a submission settles itself (`contact/submission-write.ts`), in
 * the same transaction, so two concurrent submissions cannot both pass: whether a genuine
 * solution was spent before, and whether the content repeats a recent submission.
 */
export type PendingAssessment = SpamAssessment & {
  /** A genuine solution to spend with the submission; a replay stores `ifReplayed` instead. */
  proofOfWork?: { spend: ProofOfWorkSpend; ifReplayed: SpamReason[] }
  /**
   * Set while nothing else marked it: a stored submission with the same content hash at or
   * after this time (and no replay) makes it `['duplicate']`.
   */
  duplicateSince?: number
}

type LocalChecks = {
  reasons: SpamReason[]
  contentHash: string
  /** A genuine solution, and where its reason goes among `reasons` if it turns out replayed. */
  proofOfWork?: { spend: ProofOfWorkSpend; at: number }
  duplicateSince?: number
}

/**
 * Every check that needs no database and no network: each costs microseconds, and the reviewer
 * sees every reason. A proof-of-work solution that was sent is always checked, even on a
 * submission already marked, because verifying spends it: skipping would leave a solution a bot
 * could use again.
 */
async function checkLocally(clock: Clock, input: AssessInput): Promise<LocalChecks> {
  const { settings, control } = input
  const reasons: SpamReason[] = []
  const now = clock.now()
  const values = fieldValues(input.fields)

  if (honeypotFilled(control.honeypot)) reasons.push('honeypot')
  if (input.ip && matchIpRange(input.ip, settings.blockedIps)) reasons.push('blocked_ip')
  if (input.email && isBlockedEmail(input.email, settings.blockedEmails))
    reasons.push('blocked_email')
  if (countLinks(values) > settings.maxLinks) reasons.push('too_many_links')
  if (containsBlockedWord(values, settings.blockedWords)) reasons.push('blocked_word')

  // What only a browser can show; a site's server has shown its secret key instead.
  const browserProofs = !input.fromSiteServer

  if (browserProofs && control.timeToken) {
    const result = checkTimeToken(input.signingSecret, input.formId, control.timeToken, now, {
      minSeconds: settings.minSeconds,
    })
    if (result === 'too_fast') reasons.push('too_fast')
    // A page left open for a day is a person more often than a bot: an expired token counts as
    // no token, penalised only where the form requires one.
    else if (result === 'expired' && settings.requireTimeToken) reasons.push('expired_time_token')
    else if (result === 'invalid') reasons.push('invalid_time_token')
  } else if (browserProofs && settings.requireTimeToken) {
    reasons.push('missing_time_token')
  }

  let proofOfWork: LocalChecks['proofOfWork']
  if (settings.proofOfWork !== 'off') {
    if (control.altcha) {
      const checked = await checkProofOfWork(clock, input.signingSecret, control.altcha)
      if (checked.result === 'valid') proofOfWork = { spend: checked.spend, at: reasons.length }
      else reasons.push(`${checked.result}_proof_of_work`)
    } else if (browserProofs && (settings.proofOfWork === 'always' || input.viaScript)) {
      reasons.push('missing_proof_of_work')
    }
  }

  if (browserProofs && settings.turnstileSecret && !control.turnstileToken)
    reasons.push('missing_turnstile_token')

  const hash = await contentHash(input.formId, input.fields, { exclude: [settings.honeypotField] })
  const windowMs = settings.duplicateWindowMinutes * 60_000
  return {
    reasons,
    contentHash: hash,
    ...(proofOfWork && { proofOfWork }),
    ...(windowMs > 0 && { duplicateSince: now - windowMs }),
  }
}

/**
 * Turnstile, for a submission that still looks clean. An outage is not the sender's doing:
 * marking every submission during one would hide real messages in the spam folder; the other
 * layers still apply, and the note is logged. A refused token, or a wrong secret (which must get
 * noticed), is marked.
 */
async function askTurnstile(
  turnstile: TurnstileVerifier,
  input: AssessInput,
): Promise<{ reason?: SpamReason; note?: SpamNote }> {
  const { settings, control } = input
  if (input.fromSiteServer || !settings.turnstileSecret || !control.turnstileToken) return {}
  const result = await turnstile
    .verify({ secret: settings.turnstileSecret, token: control.turnstileToken, ip: input.ip })
    .catch(() => ({ success: false, errorCodes: ['network-error'] }))
  if (result.success) return {}
  const unavailable = result.errorCodes.some((code) => turnstileUnavailableCodes.includes(code))
  return unavailable ? { note: 'turnstile_unavailable' } : { reason: 'turnstile_failed' }
}

/**
 * Classifies a submission; it never throws for spam and never drops anything. The caller stores
 * the submission either way, marked when `spam`, and answers the sender exactly as it would a
 * person, so a bot learns nothing about which check caught it.
 *
 * Order: every local check runs (`checkLocally`). The checks that cost a round trip (spending
 * the solution, the duplicate lookup, then Turnstile) run only while the submission still looks
 * clean, so a flood of obvious spam costs no reads or calls to Cloudflare. Each runs on its own
 * here; a submission settles the first two inside its own write instead (`assessBeforeStoring`).
 *
 * @example
 * const verdict = await assessSubmission(deps, scope, {
 *   formId: 'contact', signingSecret, settings: form.settings.spam,
 *   fields, control, email, ip, viaScript: true,
 * })
 */
export async function assessSubmission(
  { db, clock, turnstile }: AssessDeps,
  scope: SiteScope,
  input: AssessInput,
): Promise<SpamAssessment> {
  const local = await checkLocally(clock, input)
  const reasons = [...local.reasons]
  const notes: SpamNote[] = []
  if (local.proofOfWork && !(await spendProofOfWork(db, scope, local.proofOfWork.spend))) {
    reasons.splice(local.proofOfWork.at, 0, 'replayed_proof_of_work')
  }
  if (
    reasons.length === 0 &&
    local.duplicateSince !== undefined &&
    (await isRecentDuplicate(db, scope, local.contentHash, local.duplicateSince))
  ) {
    reasons.push('duplicate')
  }
  if (reasons.length === 0) {
    const { reason, note } = await askTurnstile(turnstile, input)
    if (reason) reasons.push(reason)
    if (note) notes.push(note)
  }
  return { spam: reasons.length > 0, reasons, notes, contentHash: local.contentHash }
}

/**
 * `assessSubmission` for a submission about to be stored: everything but spending the solution
 * and the duplicate lookup, which it returns for the write to settle atomically. The stored
 * reasons come out as `assessSubmission`'s would; the one difference is that Turnstile is asked
 * before a replay or a repeat is known (its verdict is then not stored: the replay or repeat is).
 */
export async function assessBeforeStoring(
  { clock, turnstile }: Pick<AssessDeps, 'clock' | 'turnstile'>,
  input: AssessInput,
): Promise<PendingAssessment> {
  const local = await checkLocally(clock, input)
  const reasons = [...local.reasons]
  const notes: SpamNote[] = []
  if (reasons.length === 0) {
    const { reason, note } = await askTurnstile(turnstile, input)
    if (reason) reasons.push(reason)
    if (note) notes.push(note)
  }
  const pow = local.proofOfWork
  return {
    spam: reasons.length > 0,
    reasons,
    notes,
    contentHash: local.contentHash,
    ...(pow && {
      proofOfWork: {
        spend: pow.spend,
        ifReplayed: local.reasons.toSpliced(pow.at, 0, 'replayed_proof_of_work'),
      },
    }),
    ...(local.reasons.length === 0 &&
      local.duplicateSince !== undefined && { duplicateSince: local.duplicateSince }),
  }
}
