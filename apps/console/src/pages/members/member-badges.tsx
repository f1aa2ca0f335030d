import { strings } from '../../strings/index.ts'

/** A member's role (when not a plain member), status (when not active) and unconfirmed email. */
export function MemberBadges({
  member,
}: {
  member: { role: string; status: string; emailVerified: boolean }
}) {
  const t = strings.members
  return (
    <>
      {member.role !== 'member' && <span class="badge">{t.roles[member.role] ?? member.role}</span>}{' '}
      {member.status !== 'active' && (
        <span class="badge badge-danger">{t.statuses[member.status] ?? member.status}</span>
      )}{' '}
      {!member.emailVerified && <span class="badge badge-muted">{t.unverified}</span>}
    </>
  )
}
