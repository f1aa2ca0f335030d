import type { Logger } from '../logger.ts'
import type { SiteScope } from '../sites/scope.ts'

/** What the site middleware learned about the site a request is for. */
export type ResolvedSite = {
  id: string
  name: string
  origins: readonly string[]
  /** HMAC key for the site's time tokens and challenges; never sent to clients. */
  signingSecret: string
  scope: SiteScope
}

/** Hono's typed context for every route. */
export type AppEnv = {
  Variables: {
    requestId: string
    log: Logger
    /** Set by the site middleware; read it through `siteOf(c)`. */
    site: ResolvedSite | undefined
  }
}
