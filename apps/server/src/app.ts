import { type ErrorHandler, Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { HTTPException } from 'hono/http-exception'
import { accountRoutes } from './auth/account-routes.ts'
import { adminMemberRoutes } from './auth/admin-routes.ts'
import { adminSignInProviderRoutes } from './auth/oauth-admin-routes.ts'
import { oauthRoutes } from './auth/oauth-routes.ts'
import { authRoutes } from './auth/routes.ts'
import { operatorBackupRoutes } from './backup/routes.ts'
import { productionProblems } from './config.ts'
import { adminContactRoutes } from './contact/admin-routes.ts'
import { contactRoutes } from './contact/routes.ts'
import { databaseFault } from './db/faults.ts'
import type { AppDeps } from './deps.ts'
import { adminForumRoutes } from './forum/admin-routes.ts'
import { memberForumRoutes } from './forum/member-routes.ts'
import { moderationRoutes } from './forum/moderation-routes.ts'
import { notificationRoutes } from './forum/notification-routes.ts'
import { forumRoutes } from './forum/routes.ts'
import { searchRoutes } from './forum/search-routes.ts'
import { healthRoutes } from './health.ts'
import { appRouter } from './http/app-router.ts'
import { isMalformedJson } from './http/body.ts'
import { clientDisconnected } from './http/client-disconnect.ts'
import { cors } from './http/cors.ts'
import type { AppEnv } from './http/env.ts'
import { ApiError, errorBody, HttpErrors } from './http/errors.ts'
import { memberSession } from './http/member.ts'
import { allowedMethodsOf } from './http/method-not-allowed.ts'
import { openApiPath, openApiRoutes } from './http/openapi-route.ts'
import { requestBasics } from './http/request-basics.ts'
import { forgetSiteAfterChanges, publicSite, secretKeySite } from './http/site.ts'
import { describeError, type Logger } from './logger.ts'
import { devMailRoutes } from './mail/dev.ts'
import { metricsRoutes } from './metrics/endpoint.ts'
import { markUnmatched } from './metrics/http.ts'
import { noMetrics } from './metrics/metrics.ts'
import { adminOperatorRoutes } from './operators/admin-routes.ts'
import { ownerAccess } from './operators/owner-access.ts'
import { operatorRoutes } from './operators/routes.ts'
import { adminOutboxRoutes } from './outbox/routes.ts'
import { adminOverviewRoutes } from './overview/routes.ts'
import { pageRoutes } from './pages/routes.ts'
import { adminSiteRoutes, publicSiteRoutes } from './sites/routes.ts'
import { serverVersion } from './version.ts'

/**
 * The one composition root: shared middleware, then each feature's routes. Runtimes differ only
 * in the `deps` they pass (see `entry/`); everything here runs unchanged on Node and Workers.
 *
 * @example
 * const app = createApp(createDeps({ config, client }))
 * const res = await app.request('/healthz')
 */
export function createApp(deps: AppDeps) {
  const { db, log } = deps
  // Hono's RegExpRouter, never its fallback: a route it cannot take stops startup (http/app-router.ts).
  const app = new Hono<AppEnv>({ router: appRouter() })

  const answerError = errorAnswerer(log)
  // Every layer the whole app shares, as ONE middleware (each layer is an async frame per
  // request): the request id, the request's logger and log line, the security headers, the body
  // limit, and the request metrics when they are on (http/request-basics.ts).
  app.use(
    requestBasics(log, {
      https: deps.config.publicUrl.startsWith('https:'),
      metrics: deps.metrics === noMetrics ? undefined : deps.metrics,
      bodyLimit: bodyLimit({
        maxSize: deps.config.maxBodyBytes,
        onError: () => {
          throw HttpErrors.payloadTooLarge(deps.config.maxBodyBytes)
        },
      }),
      onError: answerError,
    }),
  )
  // The public API is called from visitors' browsers on the sites' own origins; the owner's API
  // is for servers, tools and the console on this server's own origin, so browsers get no CORS
  // access to it, nor to the console's own routes, at all.
  const publicCors = cors(db)
  // The OpenAPI document is public, and readable from any origin (its route says so itself).
  app.use('/v1/*', (c, next) =>
    c.req.path.startsWith('/v1/admin/') ||
    c.req.path.startsWith('/v1/operator/') ||
    c.req.path === openApiPath
      ? next()
      : publicCors(c, next),
  )

  const site = publicSite(deps)
  // A secret key, or an operator's console session with a role on the site (operators/).
  const admin = ownerAccess(deps)
  const kickOutbox = () => deps.outbox.kick()

  app.route(
    '/',
    healthRoutes({
      client: deps.client,
      draining: deps.draining,
      configProblems: () => productionProblems(deps.config),
    }),
  )
  // Node with METRICS_TOKEN: `/metrics` here, behind the token (metrics/endpoint.ts).
  if (deps.metricsEndpoint) app.route('/', metricsRoutes(deps.metricsEndpoint))
  app.route('/', pageRoutes(deps))
  // Development only: production never mounts it (and refuses the dev transport outright).
  if (deps.devMail && !deps.config.production) {
    app.route('/', devMailRoutes(deps.devMail, deps))
  }
  app.route('/v1', publicSiteRoutes(site))
  const member = memberSession({
    db,
    clock: deps.clock,
    secureCookies: deps.config.secureCookies,
  })
  // Contact forms record the signed-in member, if any, so the submission is in their data export.
  // …and take submissions from a site's own server by its secret key (contact/server-caller.ts).
  app.route('/v1', contactRoutes({ ...deps, kickOutbox }, site, member, secretKeySite(deps)))
  app.route('/v1', authRoutes({ ...deps, kickOutbox }, site, member))
  app.route('/v1', oauthRoutes({ ...deps, kickOutbox }, site, member))
  app.route('/v1', accountRoutes({ ...deps, kickOutbox }, site, member))
  app.route('/v1', forumRoutes({ ...deps, kickOutbox }, site, member))
  app.route('/v1', memberForumRoutes({ ...deps, kickOutbox }, site, member))
  app.route('/v1', moderationRoutes({ ...deps, kickOutbox }, site, member))
  app.route('/v1', notificationRoutes(deps, site, member))
  app.route('/v1', searchRoutes(deps, site, member))
  app.route('/v1', operatorRoutes({ ...deps, kickOutbox }))
  // After them: their session middleware covers /v1/operator/*.
  app.route('/v1', operatorBackupRoutes(deps))
  app.use('/v1/admin/*', admin)
  app.use('/v1/admin/*', forgetSiteAfterChanges(deps.siteCache))
  app.route('/v1/admin', adminSiteRoutes(deps))
  app.route('/v1/admin', adminOutboxRoutes({ ...deps, kick: kickOutbox }))
  app.route('/v1/admin', adminContactRoutes({ ...deps, kickOutbox }))
  app.route('/v1/admin', adminMemberRoutes({ ...deps, kickOutbox }))
  app.route('/v1/admin', adminSignInProviderRoutes(deps))
  app.route('/v1/admin', adminForumRoutes(deps))
  app.route('/v1/admin', adminOperatorRoutes({ ...deps, kickOutbox }))
  app.route('/v1/admin', adminOverviewRoutes(deps))
  // Last: the document describes the routes registered before it (and itself).
  const { assets } = deps
  app.route(
    '/',
    openApiRoutes(app, {
      version: serverVersion,
      serverUrl: deps.config.publicUrl,
      ...(assets && { prebuilt: () => assets.openApiDocument() }),
      compress: !deps.runtimeCompresses,
    }),
  )

  // A known path asked with a method it does not have: 405 with `Allow`, not Hono's 404.
  const allowedMethods = allowedMethodsOf(app.routes)
  app.notFound((c) => {
    const allowed = allowedMethods(c.req.path)
    if (allowed) throw HttpErrors.methodNotAllowed(allowed)
    markUnmatched(c)
    throw HttpErrors.notFound()
  })
  app.onError(answerError)
  return app
}

/**
 * The app's error handler: a known error is answered with its code; a busy or unreachable
 * database with 503; anything else is logged and answered 500 with nothing but the request id.
 */
function errorAnswerer(log: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const known = toApiError(error)
    const requestLog = c.get('log') ?? log
    const fault = known ? null : databaseFault(error)
    if (fault) {
      // Passing: the client is told to retry; the log says why, without the noise of a bug.
      requestLog.warn(fault === 'busy' ? 'database busy' : 'database unavailable', {
        path: c.req.path,
        ...describeError(error),
      })
    } else if (!known && !clientDisconnected(c)) {
      // Unexpected: log everything, tell the client nothing but the request id.
      requestLog.error('unhandled error', { path: c.req.path, ...describeError(error) })
    }
    const e =
      known ??
      (fault === 'busy'
        ? HttpErrors.databaseBusy()
        : fault === 'unavailable'
          ? HttpErrors.databaseUnavailable()
          : HttpErrors.internal())
    for (const [name, value] of Object.entries(e.headers ?? {})) c.header(name, value)
    return c.json(errorBody(e.code, e.message, e.fields), e.status)
  }
}

function toApiError(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error
  if (isMalformedJson(error)) return HttpErrors.invalidJson()
  if (error instanceof HTTPException && error.status < 500) {
    return new ApiError(error.status, 'BAD_REQUEST', 'The request could not be understood.')
  }
  return null
}

export type App = ReturnType<typeof createApp>
