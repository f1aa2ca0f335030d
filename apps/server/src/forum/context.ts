import type { Context } from 'hono'
import type { Clock } from '../clock.ts'
import type { Database } from '../db/client.ts'
import type { AppEnv, ResolvedSite } from '../http/env.ts'
import type { RateLimiter } from '../http/rate-limit.ts'
import { siteOf } from '../http/site.ts'
import type { SiteScope } from '../sites/scope.ts'
import type { SiteCache } from '../sites/site-cache.ts'
import { type SiteReadDeps, siteOfId } from '../sites/site-records.ts'
import type { Actor } from './permissions.ts'
import { type ForumSettings, readForumSettings } from './settings.ts'

/** What the discussion routes need. */
export type ForumDeps = {
  db: Database
  siteCache: SiteCache
  clock: Clock
  limiter: RateLimiter
  kickOutbox: () => Promise<void>
}

/**
 * The site's forum settings, parsed once per cache lifetime rather than read per request; a site
 * that no longer exists reads as the defaults (its requests fail on their own reads).
 */
export async function forumSettingsOf(deps: SiteReadDeps, scope: SiteScope) {
  return (await siteOfId(deps, scope.siteId))?.forum ?? readForumSettings({})
}

/**
 * The forum settings of the request's site: those the site middleware resolved the site with
 * (its cache entry, with the same lifetime and invalidation as any), so a forum request looks its
 * site up once, not twice; else `forumSettingsOf`.
 */
export async function forumSettingsOfRequest(
  deps: SiteReadDeps,
  c: Context<AppEnv>,
): Promise<ForumSettings> {
  const site: ResolvedSite & { forum?: ForumSettings } = siteOf(c)
  return site.forum ?? forumSettingsOf(deps, site.scope)
}

/** Who is asking, as the permission rules see them. */
export function actorOf(c: Context<AppEnv>, clock: Clock, forum: ForumSettings): Actor {
  const auth = c.get('auth')
  if (!auth) return { kind: 'guest' }
  return { kind: 'member', member: auth.member, now: clock.now(), auth: siteOf(c).auth, forum }
}

export { readForumSettings }
