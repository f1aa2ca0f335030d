import type { OperatorRole } from './roles.ts'

/**
 * The role an operator needs on a site for each route of the owner API, keyed by
 * `METHOD /template` as the API reference writes it. The one place roles are decided: the owner
 * API's access check reads it for the route a request matched, and a test fails when a route of
 * `/v1/admin/*` has no entry here (or an entry names no route). A secret key is its site's owner.
 *
 * - `viewer`: every read, except keys, operators and the audit log.
 * - `moderator`: also the inbox's actions (status, not spam, delete, export) and moderation
 *   (flags, hiding posts, suspending members).
 * - `editor`: also forms, members, categories and discussion settings, deliveries, membership
 *   settings.
 * - `owner`: everything: the site's name and origins, its keys, its operators, the audit log.
 */
export const ownerRoutePermissions: Readonly<Record<string, OperatorRole>> = {
  // The site. Viewers see it without its secret keys (sites/routes.ts).
  'GET /v1/admin/site': 'viewer',
  'PATCH /v1/admin/site': 'owner',
  'POST /v1/admin/origins': 'owner',
  'DELETE /v1/admin/origins/{origin}': 'owner',
  'POST /v1/admin/keys': 'owner',
  'DELETE /v1/admin/keys/{id}': 'owner',
  'POST /v1/admin/publishable-key/rotate': 'owner',

  // Operators and the audit log.
  'GET /v1/admin/operators': 'owner',
  'POST /v1/admin/operator-invites': 'owner',
  'DELETE /v1/admin/operator-invites/{id}': 'owner',
  'PATCH /v1/admin/operators/{id}': 'owner',
  'DELETE /v1/admin/operators/{id}': 'owner',
  'GET /v1/admin/audit-log': 'owner',

  // The overview: charts and delivery health.
  'GET /v1/admin/overview': 'viewer',

  // Deliveries.
  'GET /v1/admin/outbox': 'viewer',
  'GET /v1/admin/outbox/{id}': 'viewer',
  'POST /v1/admin/outbox/{id}/retry': 'editor',

  // Forms. Below editor, a form's webhook secret is not shown (contact/admin-routes.ts).
  'GET /v1/admin/forms': 'viewer',
  'POST /v1/admin/forms': 'editor',
  'GET /v1/admin/forms/{formId}': 'viewer',
  'PATCH /v1/admin/forms/{formId}': 'editor',
  'DELETE /v1/admin/forms/{formId}': 'editor',
  'POST /v1/admin/forms/{formId}/webhook-secret/rotate': 'editor',
  'POST /v1/admin/forms/{formId}/webhook/test': 'editor',
  'GET /v1/admin/forms/{formId}/deliveries': 'viewer',

  // The inbox.
  'GET /v1/admin/submissions': 'viewer',
  'GET /v1/admin/submissions.csv': 'moderator',
  'POST /v1/admin/submissions/bulk': 'moderator',
  'GET /v1/admin/submissions/{id}': 'viewer',
  'PATCH /v1/admin/submissions/{id}': 'moderator',
  'DELETE /v1/admin/submissions/{id}': 'moderator',

  // Members. Suspending is moderation; banning, lifting bans, roles, deletion are the editor's.
  'GET /v1/admin/members': 'viewer',
  'GET /v1/admin/members/{id}': 'viewer',
  'GET /v1/admin/members/{id}/sessions': 'viewer',
  // A member's whole data, to hand over: an action on the member, not a look.
  'GET /v1/admin/members/{id}/export': 'editor',
  'PATCH /v1/admin/members/{id}': 'editor',
  'DELETE /v1/admin/members/{id}': 'editor',
  'POST /v1/admin/members/{id}/suspend': 'moderator',
  'POST /v1/admin/members/{id}/ban': 'editor',
  'POST /v1/admin/members/{id}/unban': 'editor',
  'DELETE /v1/admin/members/{id}/sessions': 'editor',
  // Lets the password alone sign the member in: the owner's call, after the member asked.
  'DELETE /v1/admin/members/{id}/totp': 'owner',
  'GET /v1/admin/auth-settings': 'viewer',
  'PATCH /v1/admin/auth-settings': 'editor',
  // Client secrets are written here (never read back): the owner's, like keys.
  'GET /v1/admin/sign-in-providers': 'viewer',
  'PUT /v1/admin/sign-in-providers/{id}': 'owner',
  'DELETE /v1/admin/sign-in-providers/{id}': 'owner',

  // Discussions.
  'GET /v1/admin/forum/categories': 'viewer',
  'POST /v1/admin/forum/categories': 'editor',
  'PATCH /v1/admin/forum/categories/{slug}': 'editor',
  'DELETE /v1/admin/forum/categories/{slug}': 'editor',
  'GET /v1/admin/forum/settings': 'viewer',
  'PATCH /v1/admin/forum/settings': 'editor',
  // Moderation: every look is a read; each decision is the moderator's.
  'GET /v1/admin/forum/flags': 'viewer',
  'POST /v1/admin/forum/posts/{id}/flags/resolve': 'moderator',
  'GET /v1/admin/forum/hidden-posts': 'viewer',
  'POST /v1/admin/forum/posts/{id}/hide': 'moderator',
  'POST /v1/admin/forum/posts/{id}/unhide': 'moderator',
  'GET /v1/admin/forum/moderation-log': 'viewer',
}

/**
 * The role a route needs. A route missing from the table needs `owner`: a route added without
 * an entry is closed to other roles, not open (and the permission test names it).
 */
export function roleNeededFor(method: string, template: string): OperatorRole {
  return ownerRoutePermissions[`${method} ${template}`] ?? 'owner'
}
