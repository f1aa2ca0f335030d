import { decodeBase64, encodeBase64 } from '@oslojs/encoding'

// Standard Webhooks (standardwebhooks.com): three headers, and an HMAC-SHA256 over
// `<id>.<timestamp>.<body>` keyed with the secret's bytes. Receivers can verify with any of the
// scheme's libraries, or the few lines in docs/contact-forms.md.

const prefix = 'whsec_'

/** A new signing secret: `whsec_` and 32 random bytes in base64. */
export function newWebhookSecret(): string {
  return prefix + encodeBase64(crypto.getRandomValues(new Uint8Array(32)))
}

async function hmac(secret: string, content: string): Promise<string> {
  const keyBytes = new Uint8Array(
    decodeBase64(secret.startsWith(prefix) ? secret.slice(prefix.length) : secret),
  )
  const key = await crypto.subtle.importKey(
    'raw',
    keyBytes,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  )
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(content))
  return encodeBase64(new Uint8Array(mac))
}

/**
 * The headers for one delivery. `id` must stay the same across retries so receivers can drop
 * duplicates; the timestamp is the attempt's, so receivers can refuse stale replays.
 */
export async function webhookHeaders(input: {
  id: string
  timestampSeconds: number
  body: string
  secret: string
}) {
  const signature = await hmac(input.secret, `${input.id}.${input.timestampSeconds}.${input.body}`)
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(input.timestampSeconds),
    'webhook-signature': `v1,${signature}`,
  }
}

/**
 * Verifies a delivery as a receiver would (used by tests, and a reference for docs): the
 * signature matches one of the `v1,` entries and the timestamp is within the tolerance.
 */
export async function verifyWebhook(input: {
  headers: Record<string, string | undefined>
  body: string
  secret: string
  nowSeconds: number
  toleranceSeconds?: number
}): Promise<boolean> {
  const id = input.headers['webhook-id']
  const timestamp = Number(input.headers['webhook-timestamp'])
  const signatures = (input.headers['webhook-signature'] ?? '').split(' ')
  if (!id || !Number.isInteger(timestamp)) return false
  if (Math.abs(input.nowSeconds - timestamp) > (input.toleranceSeconds ?? 300)) return false
  const expected = `v1,${await hmac(input.secret, `${id}.${timestamp}.${input.body}`)}`
  return signatures.some((s) => constantTimeEqualText(s, expected))
}

function constantTimeEqualText(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
