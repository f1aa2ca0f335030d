import type { Context } from 'hono'
import type { Clock } from '../clock.ts'
import type { AppEnv } from '../http/env.ts'
import { ownerCallerOf } from '../operators/context.ts'
import type { Staff, StaffActor } from './permissions.ts'

/**
 * Who of the site's staff is calling the owner API, as the moderation log names them: the
 * operator signed in to the console, by the name they have now (kept as it was when they acted),
 * or the owner, for a secret key, which stands for no person.
 */
export function staffOf(c: Context<AppEnv>): Staff {
  const caller = ownerCallerOf(c)
  return caller.type === 'operator'
    ? { by: 'operator', operatorId: caller.id, name: caller.name }
    : { by: 'owner' }
}

/** The owner API's caller as the forum's permission rules see them: staff, who moderate. */
export function staffActorOf(c: Context<AppEnv>, clock: Clock): StaffActor {
  return { kind: 'staff', staff: staffOf(c), now: clock.now() }
}
