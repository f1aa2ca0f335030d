// The console offers a control only to the roles the server lets use it. The server decides, per
// route (apps/server/src/operators/permissions.ts); the console's own table (src/session/
// permissions.ts) only shapes the pages. Each capability here names the routes behind it, and
// must need exactly the role the server asks for each: a console that offered a button the
// server refuses would fail with ROLE_FORBIDDEN, and one that hid a button the role may use
// would take a right away.
import { describe, expect, it } from 'vitest'
import { ownerRoutePermissions } from '../../server/src/operators/permissions.ts'
import { type Capability, can, needs, roles } from '../src/session/permissions.ts'

const routesBehind: Record<Capability, string[]> = {
  inboxActions: [
    'PATCH /v1/admin/submissions/{id}',
    'DELETE /v1/admin/submissions/{id}',
    'POST /v1/admin/submissions/bulk',
    'GET /v1/admin/submissions.csv',
  ],
  moderate: [
    'POST /v1/admin/forum/posts/{id}/flags/resolve',
    'POST /v1/admin/forum/posts/{id}/hide',
    'POST /v1/admin/forum/posts/{id}/unhide',
  ],
  editForms: [
    'POST /v1/admin/forms',
    'PATCH /v1/admin/forms/{formId}',
    'DELETE /v1/admin/forms/{formId}',
    'POST /v1/admin/forms/{formId}/webhook-secret/rotate',
    'POST /v1/admin/forms/{formId}/webhook/test',
  ],
  suspendMembers: ['POST /v1/admin/members/{id}/suspend'],
  manageMembers: [
    'PATCH /v1/admin/members/{id}',
    'DELETE /v1/admin/members/{id}',
    'POST /v1/admin/members/{id}/ban',
    'POST /v1/admin/members/{id}/unban',
    'DELETE /v1/admin/members/{id}/sessions',
    'GET /v1/admin/members/{id}/export',
  ],
  editForum: [
    'POST /v1/admin/forum/categories',
    'PATCH /v1/admin/forum/categories/{slug}',
    'DELETE /v1/admin/forum/categories/{slug}',
    'PATCH /v1/admin/forum/settings',
  ],
  editMembership: ['PATCH /v1/admin/auth-settings'],
  retryDeliveries: ['POST /v1/admin/outbox/{id}/retry'],
  ownSite: [
    'PATCH /v1/admin/site',
    'POST /v1/admin/origins',
    'DELETE /v1/admin/origins/{origin}',
    'POST /v1/admin/keys',
    'DELETE /v1/admin/keys/{id}',
    'POST /v1/admin/publishable-key/rotate',
    'GET /v1/admin/operators',
    'POST /v1/admin/operator-invites',
    'GET /v1/admin/audit-log',
    'PUT /v1/admin/sign-in-providers/{id}',
    'DELETE /v1/admin/sign-in-providers/{id}',
  ],
}

describe("the console's roles", () => {
  it.each(Object.keys(needs) as Capability[])(
    '%s: offered to exactly the roles the server allows',
    (capability) => {
      for (const route of routesBehind[capability]) {
        expect(ownerRoutePermissions[route], `${route} is a route of the owner API`).toBeDefined()
        expect(needs[capability], route).toBe(ownerRoutePermissions[route])
      }
    },
  )

  it('give each role the rights of the roles below it', () => {
    expect(roles.filter((role) => can(role, 'inboxActions'))).toEqual([
      'moderator',
      'editor',
      'owner',
    ])
    expect(roles.filter((role) => can(role, 'ownSite'))).toEqual(['owner'])
  })
})
