import { HttpErrors } from '../http/errors.ts'
import { siteScope } from '../sites/scope.ts'
import { auditInsert } from './audit.ts'
import type { OperatorAuth } from './context.ts'
import { assertOperatorPassword, insertOperator, newOperatorRow } from './create-operator.ts'
import type { OperatorDeps, RequestMeta } from './deps.ts'
import { OperatorErrors } from './errors.ts'
import { claimInvite, liveInvite, unclaimInvite } from './invites.ts'
import { grantRole, type OperatorRow, operatorByEmail, operatorById } from './queries.ts'
import { startSession } from './sign-in.ts'
import { isRestricted } from './totp-policy.ts'

type Deps = Pick<OperatorDeps, 'db' | 'clock' | 'passwords' | 'breachedPasswords' | 'config'>

export type AcceptInput = {
  token: string
  name?: string | undefined
  password?: string | undefined
}

export type Accepted = {
  status: 'signed_in' | 'totp_setup_required'
  operator: OperatorRow
  /** A new session's token, when the invite made a new account. */
  token: string | null
}

/**
 * Accepts an invite: an operator signed in with the invited address takes the role with the
 * token alone; anyone else makes a new account with a name and password, and is signed in.
 * An address that already has an account must sign in first (`409 SIGN_IN_TO_ACCEPT`): the
 * invite's link alone never signs anyone in to an existing account.
 */
export async function acceptInvite(
  deps: Deps,
  input: AcceptInput,
  signedIn: OperatorAuth | null,
  meta: RequestMeta,
): Promise<Accepted> {
  const { db, clock } = deps
  const found = await liveInvite(db, clock, input.token)
  if (!found) throw OperatorErrors.inviteNotFound()
  const { invite } = found
  const scope = siteScope(invite.siteId)
  const audit = (operator: OperatorRow) =>
    auditInsert(db, clock, {
      siteId: invite.siteId,
      actor: { type: 'operator', id: operator.id, label: operator.email },
      action: 'POST /v1/operator/invites/accept',
      summary: 'Accept an invite',
      details: { role: invite.role, invitedBy: invite.invitedByLabel },
      ip: meta.ip,
    })

  if (signedIn) {
    if (signedIn.operator.email !== invite.email) throw OperatorErrors.inviteForAnotherEmail()
    if (!(await claimInvite(db, clock, invite.id))) throw OperatorErrors.inviteNotFound()
    await db.batch([
      grantRole(db, scope, signedIn.operator.id, invite.role, clock.now()),
      audit(signedIn.operator),
    ])
    const restricted = await isRestricted(db, deps.config.operatorTotp, signedIn.operator)
    return {
      status: restricted ? 'totp_setup_required' : 'signed_in',
      operator: signedIn.operator,
      token: null,
    }
  }

  const missing = {
    ...(input.name === undefined && { name: 'Required for a new account.' }),
    ...(input.password === undefined && { password: 'Required for a new account.' }),
  }
  if (await operatorByEmail(db, invite.email)) throw OperatorErrors.signInToAccept()
  if (input.name === undefined || input.password === undefined) {
    throw HttpErrors.validation(missing)
  }
  await assertOperatorPassword(deps, input.password, { email: invite.email, name: input.name })
  const row = newOperatorRow(clock, {
    email: invite.email,
    name: input.name,
    passwordHash: await deps.passwords.hash(input.password),
    admin: false,
  })
  if (!(await claimInvite(db, clock, invite.id))) throw OperatorErrors.inviteNotFound()
  try {
    await db.batch([
      insertOperator(db, row),
      grantRole(db, scope, row.id, invite.role, row.createdAt),
    ])
  } catch (error) {
    await unclaimInvite(db, invite.id)
    // The same address accepted a moment ago by another request: that account has it now.
    if (await operatorByEmail(db, invite.email)) throw OperatorErrors.signInToAccept()
    throw error
  }
  const operator = await operatorById(db, row.id)
  if (!operator) throw new Error('operator vanished after its insert')
  await audit(operator)
  const session = await startSession(deps, operator, meta, { via: 'invite' })
  return { status: session.status, operator, token: session.token }
}
