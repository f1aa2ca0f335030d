/**
 * A stand-in for Resend's HTTP API (https://resend.com/docs/api-reference/emails/send-email),
 * which tests cannot reach: `POST /emails` with a bearer key is recorded and answered
 * `200 {"id": "…"}` as Resend does. Point RESEND_BASE_URL at `url`. Only what Porchlight's
 * Resend transport uses is implemented; anything else is a 404.
 */
import { randomUUID } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One accepted `POST /emails`: the JSON body and the headers Resend would act on. */
export type ResendEmail = {
  id: string
  body: {
    from: string
    to: string[]
    subject: string
    text?: string
    html?: string
    reply_to?: string | string[]
    headers?: Record<string, string>
  }
  idempotencyKey: string | undefined
  userAgent: string | undefined
}

export type ResendStandIn = {
  /** Base URL for RESEND_BASE_URL, e.g. http://127.0.0.1:54321 */
  url: string
  /** Emails accepted so far, in order. */
  readonly emails: readonly ResendEmail[]
  /** Answer the next `count` sends with this status (say 503) instead of accepting them. */
  failNext(count: number, status?: number): void
  /** Sends answered with an error so far. */
  readonly refused: number
  /** Resolves once `count` emails have been accepted; rejects after `timeoutMs`. */
  waitForEmails(count: number, timeoutMs?: number): Promise<readonly ResendEmail[]>
  close(): Promise<void>
}

export async function startResendStandIn(options: { apiKey: string }): Promise<ResendStandIn> {
  const emails: ResendEmail[] = []
  let failures: { count: number; status: number } = { count: 0, status: 503 }
  let refused = 0

  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const answer = (status: number, body: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' })
        res.end(JSON.stringify(body))
      }
      if (req.method !== 'POST' || req.url !== '/emails') {
        return answer(404, { statusCode: 404, name: 'not_found', message: 'Not found' })
      }
      if (req.headers.authorization !== `Bearer ${options.apiKey}`) {
        return answer(401, {
          statusCode: 401,
          name: 'missing_api_key',
          message: 'API key is invalid',
        })
      }
      if (failures.count > 0) {
        failures.count -= 1
        refused += 1
        return answer(failures.status, {
          statusCode: failures.status,
          name: 'application_error',
          message: 'The stand-in was told to fail this request.',
        })
      }
      let body: ResendEmail['body']
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
      } catch {
        return answer(422, { statusCode: 422, name: 'validation_error', message: 'Invalid JSON' })
      }
      const id = randomUUID()
      emails.push({
        id,
        body,
        idempotencyKey: header(req.headers['idempotency-key']),
        userAgent: header(req.headers['user-agent']),
      })
      answer(200, { id })
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', resolve)
  })
  const { port } = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    emails,
    get refused() {
      return refused
    },
    failNext(count, status = 503) {
      failures = { count, status }
    },
    async waitForEmails(count, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs
      while (emails.length < count) {
        if (Date.now() > deadline) {
          throw new Error(`The Resend stand-in got ${emails.length} email(s), expected ${count}`)
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      return emails
    },
    close() {
      server.closeAllConnections()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}
