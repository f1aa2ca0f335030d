// The outbox: emails and webhooks on their way, delivered, or given up on.
import type { DeliveryKind, DeliveryStatus } from '../../api/vocabulary.ts'
export const deliveries = {
  deliveries: {
    title: 'Deliveries',
    intro:
      'Emails and webhooks this site sends, with their retries. A delivery that gave up can be sent again once its cause is fixed.',
    filter: 'Status',
    all: 'All',
    status: {
      pending: 'Pending',
      sending: 'Sending',
      delivered: 'Delivered',
      dead: 'Gave up',
    } satisfies Record<DeliveryStatus, string> as Record<string, string>,
    kind: {
      email: 'Email',
      webhook: 'Webhook',
      'forum.digest': 'Discussion digest',
    } satisfies Record<DeliveryKind, string> as Record<string, string>,
    attempts: (n: number, max: number) => `Attempt ${n} of ${max}`,
    nextAttempt: 'Next attempt',
    created: 'Queued',
    delivered: 'Delivered',
    lastError: 'Last error',
    retry: 'Retry',
    retried: 'Queued for another attempt.',
    empty: 'No deliveries with this status.',
  },
}
