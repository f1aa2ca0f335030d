import { operatorSessionLifetime } from '../operators/session-lifetime.ts'
import type { RetentionConfig } from './retention-settings.ts'
import type { Sweep } from './sweep.ts'

const dayMs = 86_400_000

/**
 * The sweeps that depend only on the time and the deployment's settings, each answered by an
 * index (the plans are checked in `retention.test.ts`). They span every site: each rule is the
 * same for all of them.
 */
export function deploymentSweeps(retention: RetentionConfig, now: number): Sweep[] {
  const sweeps: Sweep[] = [
    // Counters whose window has passed count nothing (http/rate-limit.ts).
    { name: 'rate-limit counters', table: 'rate_limits', where: 'expires_at < ?', args: [now] },
    // A solution is refused as expired once its challenge has passed (spam/proof-of-work.ts).
    {
      name: 'spent proof-of-work solutions',
      table: 'spent_tokens',
      where: 'expires_at < ?',
      args: [now],
    },
    // A link works while it is unused and `now < expires_at` (auth/member-tokens.ts); after
    // that its row holds nothing a member can use.
    {
      name: 'used or expired emailed links',
      table: 'member_tokens',
      where: 'expires_at <= ? OR used_at <= ?',
      args: [now, now],
    },
    // A member's step between password and TOTP code is refused once expired
    // (auth/sign-in-challenges.ts).
    {
      name: 'expired member sign-in challenges',
      table: 'member_sign_in_challenges',
      where: 'expires_at <= ?',
      args: [now],
    },
    // A passkey challenge is refused once expired (auth/passkey-challenges.ts); an options
    // request that was never answered leaves one behind.
    {
      name: 'expired passkey challenges',
      table: 'passkey_challenges',
      where: 'expires_at <= ?',
      args: [now],
    },
    // A "Sign in with …" flow is refused once expired (auth/oauth-*.ts), finished or not: a
    // redirect the member abandoned at the provider leaves its verifier and nonce behind.
    {
      name: 'expired provider sign-in flows',
      table: 'oauth_flows',
      where: 'expires_at <= ?',
      args: [now],
    },
    // Operators (operators/): a challenge is refused once expired, an invite once expired
    // (accepted ones expire too), and a session once idle past its timeout; one past its
    // absolute lifetime is refused, stops being used, and goes here after the same idle time.
    {
      name: 'expired operator sign-in challenges',
      table: 'operator_challenges',
      where: 'expires_at <= ?',
      args: [now],
    },
    {
      name: 'expired operator invites',
      table: 'operator_invites',
      where: 'expires_at <= ?',
      args: [now],
    },
    {
      name: 'idle operator sessions',
      table: 'operator_sessions',
      where: 'last_used_at <= ?',
      args: [now - operatorSessionLifetime.inactivityMs],
    },
  ]
  const cutoff = (days: number | null) => (days === null ? null : now - days * dayMs)
  const spam = cutoff(retention.spamDays)
  if (spam !== null) {
    // `updated_at` is when it was last moved: a submission the owner marked as spam today gets
    // the full period in the spam folder, however old it is.
    sweeps.push({
      name: 'spam submissions',
      table: 'submissions',
      where: "status = 'spam' AND updated_at < ?",
      args: [spam],
    })
  }
  const read = cutoff(retention.readNotificationsDays)
  if (read !== null) {
    sweeps.push({
      name: 'read notifications',
      table: 'notifications',
      where: 'read_at < ?',
      args: [read],
    })
  }
  // A finished job's `run_at` (when it last came due) is never later than when it finished, so
  // the condition on it selects nothing more, and lets the `outbox_due` index find the rows.
  const delivered = cutoff(retention.deliveredJobsDays)
  if (delivered !== null) {
    sweeps.push({
      name: 'delivered outbox jobs',
      table: 'outbox',
      where: "status = 'delivered' AND run_at < ? AND delivered_at < ?",
      args: [delivered, delivered],
    })
  }
  const dead = cutoff(retention.deadJobsDays)
  if (dead !== null) {
    sweeps.push({
      name: 'dead outbox jobs',
      table: 'outbox',
      where: "status = 'dead' AND run_at < ? AND updated_at < ?",
      args: [dead, dead],
    })
  }
  return sweeps
}
