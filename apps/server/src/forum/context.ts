import type { Context } from 'hono'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import type { AppEnv } from '../http/env.ts'
import type { RateLimiter } from '../http/rate-limit.ts'
import { siteOf } from '../http/site.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { Actor } from './permissions.ts'
import { type ForumSettings, forumSettingsStore, readForumSettings } from './settings.ts'

/** What the discussion routes need. */
export type ForumDeps = {
  db: Database
  clock: Clock
  limiter: RateLimiter
  kickOutbox: () => Promise<void>
}

/** The site's forum settings; one small read per forum request. */
export function forumSettingsOf(db: Database, scope: SiteScope) {
  return forumSettingsStore.read(db, scope)
}

/** Who is asking, as the permission rules see them. */
export function actorOf(c: Context<AppEnv>, clock: Clock, forum: ForumSettings): Actor {
  const auth = c.get('auth')
  if (!auth) return { kind: 'guest' }
  return { kind: 'member', member: auth.member, now: clock.now(), auth: siteOf(c).auth, forum }
}

export { readForumSettings }
