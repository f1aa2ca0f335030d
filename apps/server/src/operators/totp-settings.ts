import { and, eq, ne } from 'drizzle-orm'
import { operatorRecoveryCodes, operatorSessions, operators } from '../db/schema.ts'
import { HttpErrors } from '../http/errors.ts'
import { acceptedTotpStep, newTotpSecret, totpQrSvg, totpUri } from '../two-factor/totp.ts'
import { auditInsert } from './audit.ts'
import type { OperatorAuth } from './context.ts'
import type { OperatorDeps, RequestMeta } from './deps.ts'
import { OperatorErrors } from './errors.ts'
import { confirmPassword } from './password-check.ts'
import { replaceRecoveryCodes } from './second-factor.ts'
import { totpRequiredFor } from './totp-policy.ts'

type Deps = Pick<OperatorDeps, 'db' | 'clock' | 'passwords' | 'config'>

function actorOf(auth: OperatorAuth) {
  return { type: 'operator' as const, id: auth.operator.id, label: auth.operator.email }
}

/**
 * A new TOTP key for the operator's authenticator app, pending until a code from it is
 * confirmed: until then the old key (if any) stays in force, so a setup left halfway locks
 * nobody out.
 */
export async function startTotpSetup(deps: Deps, auth: OperatorAuth) {
  const secret = newTotpSecret()
  await deps.db
    .update(operators)
    .set({ totpPendingSecret: secret, updatedAt: deps.clock.now() })
    .where(eq(operators.id, auth.operator.id))
  // The deployment's host tells two Porchlight entries in one app apart.
  const issuer = `Porchlight (${new URL(deps.config.publicUrl).host})`
  const uri = totpUri(secret, issuer, auth.operator.email)
  return { secret, uri, qrSvg: totpQrSvg(uri) }
}

/**
 * Puts the pending key in force once a current code from it proves the app holds it, with ten
 * new recovery codes (returned to show once). The operator's other sessions end: whoever else
 * was signed in with the password alone is out.
 */
export async function confirmTotpSetup(
  deps: Deps,
  auth: OperatorAuth,
  code: string,
  meta: RequestMeta,
) {
  const { db, clock } = deps
  const pending = auth.operator.totpPendingSecret
  if (!pending) throw OperatorErrors.totpSetupNotStarted()
  const now = clock.now()
  const step = acceptedTotpStep(pending, code, now, null)
  if (step === null) {
    throw HttpErrors.validation({ code: 'Not the current code of the new key; try the next one.' })
  }
  const recovery = replaceRecoveryCodes(db, clock, auth.operator.id)
  await db.batch([
    db
      .update(operators)
      .set({
        totpSecret: pending,
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: step,
        updatedAt: now,
      })
      .where(eq(operators.id, auth.operator.id)),
    ...recovery.statements,
    db
      .delete(operatorSessions)
      .where(
        and(
          eq(operatorSessions.operatorId, auth.operator.id),
          ne(operatorSessions.id, auth.session.id),
        ),
      ),
    auditInsert(db, clock, {
      siteId: null,
      actor: actorOf(auth),
      action: 'POST /v1/operator/totp/confirm',
      summary: 'Turn on two-factor sign-in',
      ip: meta.ip,
    }),
  ])
  return recovery.codes
}

/** Ten new recovery codes in place of the old ones, after the password. */
export async function regenerateRecoveryCodes(
  deps: Deps,
  auth: OperatorAuth,
  password: string,
  meta: RequestMeta,
) {
  const { db, clock } = deps
  if (auth.operator.totpEnabledAt === null) throw OperatorErrors.totpNotEnabled()
  await confirmPassword(deps, auth.operator, password, meta.ip)
  const recovery = replaceRecoveryCodes(db, clock, auth.operator.id)
  await db.batch([
    ...recovery.statements,
    auditInsert(db, clock, {
      siteId: null,
      actor: actorOf(auth),
      action: 'POST /v1/operator/recovery-codes',
      summary: 'Make new recovery codes',
      ip: meta.ip,
    }),
  ])
  return recovery.codes
}

/** Turns TOTP off, after the password; refused where OPERATOR_TOTP requires it for them. */
export async function disableTotp(
  deps: Deps,
  auth: OperatorAuth,
  password: string,
  meta: RequestMeta,
) {
  const { db, clock } = deps
  if (await totpRequiredFor(db, deps.config.operatorTotp, auth.operator)) {
    throw OperatorErrors.totpRequired()
  }
  if (auth.operator.totpEnabledAt === null) throw OperatorErrors.totpNotEnabled()
  await confirmPassword(deps, auth.operator, password, meta.ip)
  const now = clock.now()
  await db.batch([
    db
      .update(operators)
      .set({
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        updatedAt: now,
      })
      .where(eq(operators.id, auth.operator.id)),
    db.delete(operatorRecoveryCodes).where(eq(operatorRecoveryCodes.operatorId, auth.operator.id)),
    auditInsert(db, clock, {
      siteId: null,
      actor: actorOf(auth),
      action: 'DELETE /v1/operator/totp',
      summary: 'Turn off two-factor sign-in',
      ip: meta.ip,
    }),
  ])
}
