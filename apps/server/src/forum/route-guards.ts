import type { MiddlewareHandler } from 'hono'
import { createMiddleware } from 'hono/factory'
import type { AppEnv } from '../http/env.ts'
import { requireAuth } from '../http/member.ts'
import { ForumErrors } from './errors.ts'

// Middleware for the forum routers mounted beside `forumRoutes` at /v1.

/**
 * The site and member-session middleware, each run at most once per request, for every forum
 * route. They sit on each route rather than on a `use('/forum/*')`, which would also run them
 * for paths and methods no route has (a key error where 404 or 405 is the answer). The guard
 * keeps one request from reading the site or the session twice, should two matching routes
 * both carry them.
 */
export function forumRequest(site: MiddlewareHandler<AppEnv>, member: MiddlewareHandler<AppEnv>) {
  // Each hands on the promise it was given instead of awaiting it in a frame of its own: every
  // forum request runs both, and an async wrapper costs a frame and a promise for nothing.
  const siteOnce: MiddlewareHandler<AppEnv> = (c, next) => (c.get('site') ? next() : site(c, next))
  const memberOnce: MiddlewareHandler<AppEnv> = (c, next) =>
    c.get('auth') !== undefined ? next() : member(c, next)
  return [siteOnce, memberOnce] as const
}

/** 401 SIGN_IN_REQUIRED for a guest before the body is read: a guest learns nothing else. */
export const signedIn = createMiddleware<AppEnv>(async (c, next) => {
  requireAuth(c)
  await next()
})

/**
 * Moderators and admins; 401 for guests, 403 for everyone else, before the body is read. The
 * services check again through permissions.ts: this only answers early.
 */
export const moderatorsOnly = createMiddleware<AppEnv>(async (c, next) => {
  const { role } = requireAuth(c).member
  if (role !== 'moderator' && role !== 'admin') throw ForumErrors.forbidden()
  await next()
})

export const adminsOnly = createMiddleware<AppEnv>(async (c, next) => {
  if (requireAuth(c).member.role !== 'admin') throw ForumErrors.forbidden()
  await next()
})
