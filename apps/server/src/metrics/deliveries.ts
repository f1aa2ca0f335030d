import type { MailTransport } from '../mail/message.ts'
import { RefusedDestinationError, type WebhookPost } from '../webhooks/post.ts'
import { type Metrics, noMetrics } from './metrics.ts'

/**
 * A mail transport that counts each message it hands on as sent or failed: every email the
 * outbox sends (notifications, account mail, digests) goes through the one transport.
 */
export function measuredMailTransport(transport: MailTransport, metrics: Metrics): MailTransport {
  if (metrics === noMetrics) return transport
  return {
    async send(message) {
      try {
        await transport.send(message)
      } catch (error) {
        metrics.mail('failed')
        throw error
      }
      metrics.mail('sent')
    },
  }
}

/**
 * A webhook post that counts each delivery: `delivered` for a 2xx answer, `failed` for any other
 * answer or none, `refused` when the address policy stopped it before it left.
 */
export function measuredWebhookPost(post: WebhookPost, metrics: Metrics): WebhookPost {
  if (metrics === noMetrics) return post
  return async (request) => {
    let status: number
    try {
      status = await post(request)
    } catch (error) {
      metrics.webhook(error instanceof RefusedDestinationError ? 'refused' : 'failed')
      throw error
    }
    metrics.webhook(status >= 200 && status <= 299 ? 'delivered' : 'failed')
    return status
  }
}
