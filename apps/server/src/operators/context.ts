import type { Context } from 'hono'
import type { AppEnv } from '../http/env.ts'
import { OperatorErrors } from './errors.ts'
import type { OperatorRow } from './queries.ts'
import { type OperatorRole, roleIncludes } from './roles.ts'
import type { OperatorSession } from './sessions.ts'

/**
 * A signed-in operator. `restricted`: TOTP is required for them and not set up yet, so the
 * session may only set it up and sign out.
 */
export type OperatorAuth = { session: OperatorSession; operator: OperatorRow; restricted: boolean }

/** Who calls the owner API: a secret key (owner of its site) or an operator with their role. */
export type OwnerCaller = {
  type: 'key' | 'operator'
  /** The key's id (its public half) or the operator's id. */
  id: string
  /** The operator's email or the key's hint: what the audit log shows. */
  label: string
  /** How an invitee is told who invited them: the operator's name, or the key's hint. */
  name: string
  role: OperatorRole
}

/** The signed-in operator, or `null`. */
export function operatorOf(c: Context<AppEnv>): OperatorAuth | null {
  return c.get('operator') ?? null
}

/**
 * The signed-in operator: `401 SIGN_IN_REQUIRED` without one, and `403 TOTP_SETUP_REQUIRED` for
 * a restricted session unless the route is one it may use (`allowRestricted`).
 */
export function requireOperator(
  c: Context<AppEnv>,
  options: { allowRestricted?: boolean } = {},
): OperatorAuth {
  const auth = operatorOf(c)
  if (!auth) throw OperatorErrors.signInRequired()
  if (auth.restricted && !options.allowRestricted) throw OperatorErrors.totpSetupRequired()
  return auth
}

/** Who is calling the owner API; set by its access check for every `/v1/admin/*` route. */
export function ownerCallerOf(c: Context<AppEnv>): OwnerCaller {
  const owner = c.get('owner')
  if (!owner) throw new Error('ownerCallerOf() used on a route without the owner access check')
  return owner
}

/** Adds to the route's audit-log entry. Never pass a password, token, secret or key. */
export function addAuditDetails(c: Context<AppEnv>, details: Record<string, unknown>) {
  c.set('auditDetails', { ...c.get('auditDetails'), ...details })
}

/**
 * Whether the owner API's caller has `role` on the site (a secret key has every role): for an
 * answer that shows some of its parts only to some roles, such as secrets.
 */
export function callerHasRole(c: Context<AppEnv>, role: OperatorRole): boolean {
  return roleIncludes(ownerCallerOf(c).role, role)
}
