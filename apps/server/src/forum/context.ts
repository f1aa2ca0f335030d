import type { Context } from 'hono'
import type { Clock } from '../clock.ts'
import type { AppEnv } from '../http/env.ts'
import { siteOf } from '../http/site.ts'
import type { Actor } from './permissions.ts'
import { type ForumSettings, readForumSettings } from './settings.ts'

/** Who is asking, as the permission rules see them. */
export function actorOf(c: Context<AppEnv>, clock: Clock, forum: ForumSettings): Actor {
  const auth = c.get('auth')
  if (!auth) return { kind: 'guest' }
  return { kind: 'member', member: auth.member, now: clock.now(), auth: siteOf(c).auth, forum }
}

export { readForumSettings }
