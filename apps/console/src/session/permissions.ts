// What each role may do, as the console shows it: a control the operator's role does not allow
// is not offered. The server decides (apps/server/src/operators/permissions.ts, per route); this
// copy only shapes the pages, and test/permissions.test.ts checks it against the server's table.

export const roles = ['viewer', 'moderator', 'editor', 'owner'] as const
export type Role = (typeof roles)[number]

/** Each role has every right of the roles before it in `roles`. */
export function roleAllows(role: Role, needed: Role): boolean {
  return roles.indexOf(role) >= roles.indexOf(needed)
}

/** The least role for each thing the console offers, and the owner API route behind it. */
export const needs = {
  /** Status changes, not spam, delete, export. */
  inboxActions: 'moderator',
  /** Flags, hidden posts, the moderation log. */
  moderate: 'moderator',
  /** Creating and changing forms, their webhooks. */
  editForms: 'editor',
  /** Suspending a member for a while: moderation. */
  suspendMembers: 'moderator',
  /** Role, ban, unban, end sessions, delete, export. */
  manageMembers: 'editor',
  /** Categories and discussion settings. */
  editForum: 'editor',
  editMembership: 'editor',
  retryDeliveries: 'editor',
  /** Name, origins, keys, operators and invites, the audit log. */
  ownSite: 'owner',
} as const satisfies Record<string, Role>

export type Capability = keyof typeof needs

export function can(role: Role, capability: Capability): boolean {
  return roleAllows(role, needs[capability])
}
