import type { Session, SessionMember } from '../auth/sessions.ts'
import type { AuthSettings } from '../auth/settings.ts'
import type { Logger } from '../logger.ts'
import type { OperatorAuth, OwnerCaller } from '../operators/context.ts'
import type { SiteScope } from '../sites/scope.ts'

/** What the site middleware learned about the site a request is for. */
export type ResolvedSite = {
  id: string
  name: string
  origins: readonly string[]
  /** HMAC key for the site's time tokens and challenges; never sent to clients. */
  signingSecret: string
  /** Membership settings with defaults applied. */
  auth: AuthSettings
  scope: SiteScope
}

/** A signed-in member and how the session reached us. */
export type MemberAuth = { session: Session; member: SessionMember; via: 'bearer' | 'cookie' }

/** Hono's typed context for every route. */
export type AppEnv = {
  Variables: {
    requestId: string
    log: Logger
    /** Set by the site middleware; read it through `siteOf(c)`. */
    site: ResolvedSite | undefined
    /** Set by the member-session middleware: the signed-in member, or `null` for a guest. */
    auth: MemberAuth | null | undefined
    /** Set by the operator-session middleware: the signed-in operator, or `null`. */
    operator: OperatorAuth | null | undefined
    /** Set by the owner API's access check: a secret key or an operator with their role. */
    owner: OwnerCaller | undefined
    /** What a route adds to its audit-log entry (never a secret); read after it answered. */
    auditDetails: Record<string, unknown> | undefined
  }
}
