import type { ResolvedSite } from '../http/env.ts'
import type { AuthDeps } from './deps.ts'
import { PasskeyErrors } from './passkey-errors.ts'
import { deletePasskey, memberHasPasskey, renamePasskey } from './passkey-store.ts'
import type { SessionMember } from './sessions.ts'
import { keepsAnotherWayIn, lastSignInMethod } from './sign-in-ways.ts'

// The member's own passkeys: rename and remove (listing is a plain query, passkey-store.ts).

type Deps = Pick<AuthDeps, 'db'>

export async function renameOwnPasskey(
  deps: Deps,
  site: ResolvedSite,
  member: SessionMember,
  id: string,
  name: string,
) {
  const row = await renamePasskey(deps.db, site.scope, member.id, id, name)
  if (!row) throw PasskeyErrors.notFound()
  return row
}

/**
 * Removes one of the member's passkeys, unless it is their last way in: no password the site
 * takes, no sign-in links, no linked provider and no other passkey. Then `409
 * LAST_SIGN_IN_METHOD`, and the passkey stays: a member locked out of their own account can
 * only be helped by the site's owner.
 */
export async function removeOwnPasskey(
  deps: Deps,
  site: ResolvedSite,
  member: SessionMember,
  id: string,
): Promise<void> {
  const { db } = deps
  const keepsAWayIn = keepsAnotherWayIn(db, site, member, { passkeyId: id })
  if (await deletePasskey(db, site.scope, member.id, id, keepsAWayIn)) return
  if (!(await memberHasPasskey(db, site.scope, member.id, id))) throw PasskeyErrors.notFound()
  throw lastSignInMethod()
}
