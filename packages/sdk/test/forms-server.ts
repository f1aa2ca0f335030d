// A stand-in for the contact form endpoints of apps/server, on a real HTTP server: it issues
// ALTCHA v1 challenges made with node:crypto exactly as the server does (random secret number,
// SHA-256 of salt + number, HMAC-SHA256 signature, `?expires=…&` in the salt) and checks every
// submission the way the server's spam layer does, recording the verdicts for tests to assert on.
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import { json, type SeenRequest, startServer } from './server.ts'

export const key = 'pk_test_forms'
const secret = randomBytes(32).toString('hex')

/** What the stand-in made of one submission. */
export interface ReceivedSubmission {
  id: string
  formId: string
  /** The form's own fields, control fields removed. */
  fields: Record<string, unknown>
  /** The raw `_altcha`, `_t` and `_gotcha` values, when sent. */
  altcha?: string
  timeToken?: string
  honeypot?: unknown
  /** `ok`, or why the proof of work would mark the submission as spam. */
  proofOfWork: 'ok' | 'missing' | 'invalid' | 'expired' | 'replayed'
  timeTokenCheck: 'ok' | 'missing' | 'invalid' | 'too_fast'
}

export interface FormsServerOptions {
  /** Forms by id; unknown ids are 404 FORM_NOT_FOUND. Default: `contact` open. */
  forms?: Record<string, 'open' | 'disabled'>
  /** Default 2000, to keep solving in tests short; the server's is 100000. */
  maxnumber?: number
  /** Seconds until a challenge expires; default 600 as on the server. Negative: already expired. */
  expiresIn?: number
  /** The secret number of every challenge; default random in [0, maxnumber]. */
  secretNumber?: number
  /** Issue challenges that no number solves (the challenge is a random hash). */
  unsolvable?: boolean
  /** The time trap: submissions sooner than this after the token are `too_fast`. Default 3. */
  minSeconds?: number
  /** Answer submissions 429 RATE_LIMITED with this `Retry-After`. */
  rateLimitRetryAfter?: string
  /** Answer the next N challenge requests with a 503, as a server in trouble would. */
  failChallenges?: number
  /** Extra routes, tried first; return true when handled. */
  route?: (req: SeenRequest, res: ServerResponse) => boolean
}

const hmac = (data: string) => createHmac('sha256', secret).update(data).digest('hex')
const sha256 = (data: string) => createHash('sha256').update(data).digest('hex')
function error(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  { fields, headers }: { fields?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  json(res, status, { error: { code, message, ...(fields && { fields }) } }, headers)
}

/** Starts the stand-in. `options` is read on every request, so a test may change it. */
export async function startFormsServer(options: FormsServerOptions = {}) {
  const { forms = { contact: 'open' }, minSeconds = 3 } = options
  let failChallenges = options.failChallenges ?? 0
  /** The secret number of every challenge issued, by challenge. */
  const issued = new Map<string, number>()
  const spent = new Set<string>()
  const submissions: ReceivedSubmission[] = []

  function challenge(formId: string) {
    const expires = Math.floor(Date.now() / 1000) + (options.expiresIn ?? 600)
    const salt = `${randomBytes(12).toString('hex')}?expires=${expires}&`
    const maxnumber = options.maxnumber ?? 2000
    const number = options.secretNumber ?? randomInt(0, maxnumber + 1)
    const digest = options.unsolvable ? randomBytes(32).toString('hex') : sha256(salt + number)
    issued.set(digest, number)
    const issuedAt = String(Date.now())
    return {
      algorithm: 'SHA-256',
      challenge: digest,
      maxnumber,
      salt,
      signature: hmac(digest),
      timeToken: `${issuedAt}.${hmac(`t:${formId}:${issuedAt}`)}`,
    }
  }

  function checkProofOfWork(value: unknown): ReceivedSubmission['proofOfWork'] {
    if (typeof value !== 'string') return 'missing'
    let payload: Record<string, unknown>
    try {
      payload = JSON.parse(Buffer.from(value, 'base64').toString('utf8'))
    } catch {
      return 'invalid'
    }
    const { algorithm, challenge, number, salt, signature } = payload
    if (
      algorithm !== 'SHA-256' ||
      typeof salt !== 'string' ||
      typeof challenge !== 'string' ||
      !Number.isInteger(number) ||
      sha256(salt + number) !== challenge ||
      signature !== hmac(challenge)
    ) {
      return 'invalid'
    }
    const expires = Number(new URLSearchParams(salt.split('?')[1]).get('expires')) * 1000
    if (!(expires >= Date.now())) return 'expired'
    if (spent.has(challenge)) return 'replayed'
    spent.add(challenge)
    return 'ok'
  }

  function checkTimeToken(formId: string, value: unknown): ReceivedSubmission['timeTokenCheck'] {
    if (typeof value !== 'string') return 'missing'
    const [issuedAt = '', mac] = value.split('.')
    if (mac !== hmac(`t:${formId}:${issuedAt}`)) return 'invalid'
    return Date.now() - Number(issuedAt) < minSeconds * 1000 ? 'too_fast' : 'ok'
  }

  const server = await startServer((req, res) => {
    if (options.route?.(req, res)) return
    if (req.headers['x-porchlight-key'] !== key) {
      return error(res, 401, 'INVALID_PUBLISHABLE_KEY', 'Unknown publishable key.')
    }
    const match = /^\/v1\/forms\/([^/]+)\/(challenge|submissions)$/.exec(req.url)
    const formId = decodeURIComponent(match?.[1] ?? '')
    if (!match) return error(res, 404, 'NOT_FOUND', 'No such route.')
    const form = forms[formId]
    if (!form) return error(res, 404, 'FORM_NOT_FOUND', 'This site has no form with that id.')
    if (form === 'disabled') {
      return error(res, 403, 'FORM_DISABLED', 'This form is not accepting submissions right now.')
    }

    if (req.method === 'GET' && match[2] === 'challenge') {
      if (failChallenges > 0) {
        failChallenges--
        return error(res, 503, 'SERVICE_UNAVAILABLE', 'Try again shortly.')
      }
      return json(res, 200, challenge(formId), { 'Cache-Control': 'no-store' })
    }
    if (req.method !== 'POST' || match[2] !== 'submissions') {
      return error(res, 405, 'METHOD_NOT_ALLOWED', 'Method not allowed.')
    }
    if (options.rateLimitRetryAfter) {
      return error(res, 429, 'RATE_LIMITED', 'Too many submissions.', {
        headers: { 'Retry-After': options.rateLimitRetryAfter },
      })
    }
    if (!/^application\/json/.test(req.headers['content-type'] ?? '')) {
      return error(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON.')
    }
    const { _altcha, _t, _gotcha, ...fields } = JSON.parse(req.body) as Record<string, unknown>
    // Like the server, the proof of work is verified (and spent) before anything is judged.
    const proofOfWork = checkProofOfWork(_altcha)
    const timeTokenCheck = checkTimeToken(formId, _t)
    if (typeof fields.email === 'string' && !fields.email.includes('@')) {
      return error(res, 422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
        fields: { email: 'Must be an email address.' },
      })
    }
    const id = `sub_${submissions.length + 1}`
    submissions.push({
      id,
      formId,
      fields,
      ...(_altcha !== undefined && { altcha: String(_altcha) }),
      ...(_t !== undefined && { timeToken: String(_t) }),
      ...(_gotcha !== undefined && { honeypot: _gotcha }),
      proofOfWork,
      timeTokenCheck,
    })
    // Spam is answered exactly like a person's submission: 201 with an id.
    json(res, 201, { id })
  })

  return {
    ...server,
    submissions,
    /** Requests to the challenge endpoint so far. */
    challengeRequests: () => server.seen.filter((r) => r.url.endsWith('/challenge')).length,
    /** The secret number of every challenge issued, by challenge digest. */
    issued,
  }
}
