import type { Config } from '../config.ts'
import type { Database } from '../db/client.ts'
import { type OperatorRow, ownsAnySite } from './queries.ts'

export type TotpPolicy = Config['operatorTotp']

/**
 * Whether OPERATOR_TOTP requires a TOTP code of this operator. By default it does for owners of
 * any site and deployment admins: the accounts that can hand out keys and roles. Asked on each
 * request, so an operator made owner must set TOTP up before going on.
 */
export async function totpRequiredFor(
  db: Database,
  policy: TotpPolicy,
  operator: Pick<OperatorRow, 'id' | 'admin'>,
): Promise<boolean> {
  if (policy === 'optional') return false
  if (policy === 'required') return true
  return operator.admin || (await ownsAnySite(db, operator.id))
}

/** TOTP is required and not set up: the session may only set it up and sign out. */
export async function isRestricted(
  db: Database,
  policy: TotpPolicy,
  operator: Pick<OperatorRow, 'id' | 'admin' | 'totpEnabledAt'>,
): Promise<boolean> {
  return operator.totpEnabledAt === null && (await totpRequiredFor(db, policy, operator))
}
