import { z } from 'zod'

/**
 * An operator's roles on a site, each including everything the one before it may do: a viewer
 * reads; a moderator also works the inbox and moderation; an editor also changes forms,
 * members and settings; an owner also the site itself, its keys and its operators.
 */
export const operatorRoles = ['viewer', 'moderator', 'editor', 'owner'] as const

export type OperatorRole = (typeof operatorRoles)[number]

export const operatorRoleSchema = z.enum(operatorRoles)

/** Whether `role` includes what `needed` may do. */
export function roleIncludes(role: OperatorRole, needed: OperatorRole): boolean {
  return operatorRoles.indexOf(role) >= operatorRoles.indexOf(needed)
}
