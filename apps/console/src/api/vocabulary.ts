import type { paths } from './schema.d.ts'

// The API's enumerations the console names in words, taken from its contract: a value the server
// adds (a new moderation action, a delivery status) fails the console's type check until the
// strings say it, instead of showing the raw value to an operator.

type JsonOf<Response> = Response extends { content: { 'application/json': infer Json } }
  ? Json
  : never
type Answer<Path extends keyof paths, Method extends 'get' | 'post'> = paths[Path][Method] extends {
  responses: { 200: infer Ok }
}
  ? JsonOf<Ok>
  : never
type Body<Path extends keyof paths> = paths[Path]['post'] extends {
  requestBody?: { content: { 'application/json': infer Json } }
}
  ? Json
  : never

type LogEntry = Answer<'/v1/admin/forum/moderation-log', 'get'>['items'][number]
type Delivery = Answer<'/v1/admin/outbox', 'get'>['items'][number]
type Member = Answer<'/v1/admin/members', 'get'>['items'][number]
type AuditEntry = Answer<'/v1/admin/audit-log', 'get'>['entries'][number]

export type ModerationAction = LogEntry['action']
export type ModerationActorKind = LogEntry['by']
export type DeliveryStatus = Delivery['status']
export type DeliveryKind = Delivery['kind']
export type AuditActorKind = AuditEntry['actor']['type']
export type BulkAction = Body<'/v1/admin/submissions/bulk'>['action']
export type FlagReason = Body<'/v1/forum/posts/{id}/flags'>['reason']
export type OperatorRole = Body<'/v1/admin/operator-invites'>['role']
export type MemberRole = Member['role']
export type MemberStatus = Member['status']
export type FlagStatus = NonNullable<
  NonNullable<paths['/v1/admin/forum/flags']['get']['parameters']['query']>['status']
>
type SubmissionQuery = NonNullable<paths['/v1/admin/submissions']['get']['parameters']['query']>
export type SubmissionStatus = NonNullable<SubmissionQuery['status']>
export type SpamReason = NonNullable<SubmissionQuery['spamReason']>
