import type { z } from 'zod'
import type { Database } from '../db/client.ts'
import type { OperatorRow } from './queries.ts'
import type { operatorAnswer } from './schemas.ts'
import { type TotpPolicy, totpRequiredFor } from './totp-policy.ts'

/** What the console is told about an operator: never the password hash or TOTP key. */
export async function describeOperator(
  db: Database,
  policy: TotpPolicy,
  operator: OperatorRow,
): Promise<z.input<typeof operatorAnswer>> {
  return {
    id: operator.id,
    email: operator.email,
    name: operator.name,
    admin: operator.admin,
    totpEnabled: operator.totpEnabledAt !== null,
    totpRequired: await totpRequiredFor(db, policy, operator),
  }
}
