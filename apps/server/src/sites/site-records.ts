import { readAuthSettings } from '../auth/settings.ts'
import type { Database } from '../db/client.ts'
import { type ForumSettings, readForumSettings } from '../forum/settings.ts'
import type { ResolvedSite } from '../http/env.ts'
import { activeSecretKey, siteById, siteByPublishableKey } from './queries.ts'
import { siteScope } from './scope.ts'
import type { SiteCache } from './site-cache.ts'

// A site as requests use it, read through the site cache: its settings parsed once when read,
// not once per request.

/** What reading a site needs: the database, and this process's cache in front of it. */
export type SiteReadDeps = { db: Database; siteCache: SiteCache }

/** A site with its settings parsed; shared by every request that reads it, so never changed. */
export type SiteRecord = Readonly<ResolvedSite & { forum: ForumSettings }>

/** An active secret key and its site. */
export type SecretKeyRecord = {
  readonly site: SiteRecord
  readonly secretHash: string
  /** Kept current by whoever touches the key, so a cached key is not touched on every use. */
  lastUsedAt: number | null
}

type StoredSite = {
  id: string
  name: string
  signingSecret: string
  authSettings: unknown
  forumSettings: unknown
  origins: readonly string[]
}

function toRecord(row: StoredSite): SiteRecord {
  return {
    id: row.id,
    name: row.name,
    signingSecret: row.signingSecret,
    origins: row.origins,
    auth: readAuthSettings(row.authSettings),
    forum: readForumSettings(row.forumSettings),
    scope: siteScope(row.id),
  }
}

/** The site a publishable key belongs to; `null` for a key no site has (now). */
export function siteOfPublishableKey(
  deps: SiteReadDeps,
  publishableKey: string,
): Promise<SiteRecord | null> {
  return deps.siteCache.get(`pk:${publishableKey}`, async () => {
    const row = await siteByPublishableKey(deps.db, publishableKey)
    return row && { siteId: row.id, value: toRecord(row) }
  })
}

/** The site with this id; `null` once it no longer exists. */
export function siteOfId(deps: SiteReadDeps, siteId: string): Promise<SiteRecord | null> {
  return deps.siteCache.get(`site:${siteId}`, async () => {
    const row = await siteById(deps.db, siteId)
    return row && { siteId: row.id, value: toRecord(row) }
  })
}

/**
 * An active (unrevoked) secret key by its id, with its site. Origins are left empty: a secret
 * key is for servers, which no origin check applies to.
 */
export function activeSecretKeyOf(
  deps: SiteReadDeps,
  keyId: string,
): Promise<SecretKeyRecord | null> {
  return deps.siteCache.get(`sk:${keyId}`, async () => {
    const row = await activeSecretKey(deps.db, keyId)
    if (!row) return null
    const site = toRecord({ ...row, id: row.siteId, name: row.siteName, origins: [] })
    return {
      siteId: row.siteId,
      value: { site, secretHash: row.secretHash, lastUsedAt: row.lastUsedAt },
    }
  })
}
