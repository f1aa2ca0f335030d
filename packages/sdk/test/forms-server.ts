// A stand-in for the contact-form endpoints of apps/server, on a real HTTP server. It plays the
// forms scenes of scene.ts (the contact tests run those against it and the real server alike, to
// prove it right), and beyond them what the real server cannot be made to do: issue challenges
// that are cheap, slow or unsolvable, or with a chosen number, and fail challenge requests.
//
// It issues ALTCHA v1 challenges made with node:crypto as the server does (random secret number,
// SHA-256 of salt + number, HMAC-SHA256 signature, `?expires=…&` in the salt) and time tokens of
// the server's format, and judges submissions in the server's order and words: unknown and
// closed forms, then field rules, then the per-address limit, then the spam filter's reasons.
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto'
import type { ServerResponse } from 'node:http'
import type { PageRoute } from './recording-front.ts'
import type { FormsScene, StoredSubmission, sceneForms } from './scene.ts'
import { json, startServer } from './server.ts'

const key = 'pk_test_forms'
const secret = randomBytes(32).toString('hex')

/** The forms of scene.ts, as the real server's scene sets them up. */
const forms: Record<(typeof sceneForms)[number], { open: boolean; perAddressPerHour?: number }> = {
  contact: { open: true },
  quote: { open: true },
  closed: { open: false },
  limited: { open: true, perAddressPerHour: 1 },
}
const isSceneForm = (id: string): id is keyof typeof forms => Object.hasOwn(forms, id)

export interface FormsServerOptions {
  /** Default 2000, to keep solving in tests short; the server's is 100000. */
  maxnumber?: number
  /** The secret number of every challenge; default random in [0, maxnumber]. */
  secretNumber?: number
  /** Issue challenges that no number solves (the challenge is a random hash). */
  unsolvable?: boolean
  /** Answer the next N challenge requests with a 503, as a server in trouble would. */
  failChallenges?: number
  /** A browser test's pages, tried first. */
  pages?: PageRoute
}

const hourMs = 3_600_000
const hmac = (data: string) => createHmac('sha256', secret).update(data).digest()
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
const base32 = 'abcdefghijklmnopqrstuvwxyz234567'
const newId = () => `sub_${[...randomBytes(24)].map((b) => base32[b % 32]).join('')}`

/**
 * Starts one scene. `options` is read on every request, so a test may change it.
 *
 * @example
 * const server = await startFormsServer({ unsolvable: true })
 */
export async function startFormsServer(
  options: FormsServerOptions = {},
): Promise<FormsScene & { options: FormsServerOptions }> {
  let offset = 0
  let stoppedAt: number | undefined
  const now = () => (stoppedAt ?? Date.now()) + offset
  const spent = new Set<string>()
  const submissions: StoredSubmission[] = []
  /** When each address's submissions to each form were taken, for the hourly limit. */
  const taken = new Map<string, number[]>()

  function challenge(formId: string) {
    const expires = Math.floor(now() / 1000) + 600
    const salt = `${randomBytes(12).toString('hex')}?expires=${expires}&`
    const maxnumber = options.maxnumber ?? 2000
    const number = options.secretNumber ?? randomInt(0, maxnumber + 1)
    const digest = options.unsolvable ? randomBytes(32).toString('hex') : sha256(salt + number)
    const issuedAt = String(now())
    return {
      algorithm: 'SHA-256',
      challenge: digest,
      maxnumber,
      salt,
      signature: hmac(digest).toString('hex'),
      timeToken: `${issuedAt}.${hmac(`t:${formId}:${issuedAt}`).toString('base64url')}`,
    }
  }

  function proofOfWorkProblem(value: unknown): string | undefined {
    if (typeof value !== 'string') return 'missing_proof_of_work'
    let payload: Record<string, unknown>
    try {
      payload = JSON.parse(Buffer.from(value, 'base64').toString('utf8'))
    } catch {
      return 'invalid_proof_of_work'
    }
    const { algorithm, challenge, number, salt, signature } = payload
    if (
      algorithm !== 'SHA-256' ||
      typeof salt !== 'string' ||
      typeof challenge !== 'string' ||
      !Number.isInteger(number) ||
      sha256(salt + number) !== challenge ||
      signature !== hmac(challenge).toString('hex')
    ) {
      return 'invalid_proof_of_work'
    }
    const expires = Number(new URLSearchParams(salt.split('?')[1]).get('expires')) * 1000
    if (!(expires >= now())) return 'expired_proof_of_work'
    if (spent.has(challenge)) return 'replayed_proof_of_work'
    spent.add(challenge)
    return undefined
  }

  // No token is no reason: forms do not require one unless their owner says so.
  function timeTokenProblem(formId: string, value: unknown): string | undefined {
    if (value === undefined) return undefined
    const [issuedAt = '', mac] = String(value).split('.')
    if (mac !== hmac(`t:${formId}:${issuedAt}`).toString('base64url')) return 'invalid_time_token'
    return now() - Number(issuedAt) < 3000 ? 'too_fast' : undefined
  }

  /** Retry-After in seconds when this submission is over the form's hourly limit per address. */
  function overLimit(formId: keyof typeof forms, address: string): number | undefined {
    const limit = forms[formId].perAddressPerHour
    if (limit === undefined) return undefined
    const bucket = `${formId} ${address}`
    const times = (taken.get(bucket) ?? []).filter((t) => t > now() - hourMs)
    taken.set(bucket, times)
    if (times.length < limit) {
      times.push(now())
      return undefined
    }
    return Math.ceil(((times[0] ?? now()) + hourMs - now()) / 1000)
  }

  let failChallenges = options.failChallenges ?? 0
  const server = await startServer((req, res) => {
    if (options.pages?.(req, res)) return
    if (req.headers['x-porchlight-key'] !== key) {
      return error(res, 401, 'INVALID_PUBLISHABLE_KEY', 'Unknown publishable key.')
    }
    const match = /^\/v1\/forms\/([^/]+)\/(challenge|submissions)$/.exec(req.url)
    if (!match) return error(res, 404, 'NOT_FOUND', 'No such route.')
    const formId = decodeURIComponent(match[1] ?? '')
    const form = isSceneForm(formId) ? forms[formId] : undefined

    if (req.method === 'GET' && match[2] === 'challenge') {
      // A closed form has no challenge to give: the same 404 as an unknown one.
      if (!form?.open) {
        return error(res, 404, 'FORM_NOT_FOUND', 'This site has no open form with that id.')
      }
      if (failChallenges > 0) {
        failChallenges--
        return error(res, 503, 'SERVICE_UNAVAILABLE', 'Try again shortly.')
      }
      return json(res, 200, challenge(formId), { 'Cache-Control': 'no-store' })
    }
    if (req.method !== 'POST' || match[2] !== 'submissions') {
      return error(res, 405, 'METHOD_NOT_ALLOWED', 'Method not allowed.')
    }
    if (!form || !isSceneForm(formId)) {
      return error(res, 404, 'FORM_NOT_FOUND', 'This site has no form with that id.')
    }
    if (!form.open) {
      return error(res, 403, 'FORM_DISABLED', 'This form is not accepting submissions right now.')
    }
    if (!/^application\/json/.test(req.headers['content-type'] ?? '')) {
      return error(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON.')
    }
    const { _altcha, _t, _gotcha, ...fields } = JSON.parse(req.body) as Record<string, unknown>
    // The field rules come first: a refused submission stores nothing and spends nothing.
    if (
      formId === 'contact' &&
      typeof fields.email === 'string' &&
      !/^\S+@\S+\.\S+$/.test(fields.email)
    ) {
      return error(res, 422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
        fields: { email: 'Must be an email address.' },
      })
    }
    const retryAfter = overLimit(formId, '127.0.0.1')
    if (retryAfter !== undefined) {
      return error(res, 429, 'RATE_LIMITED', 'Too many requests. Try again later.', {
        headers: { 'Retry-After': String(retryAfter) },
      })
    }
    const spamReasons = [
      ...(typeof _gotcha === 'string' && _gotcha !== '' ? ['honeypot'] : []),
      timeTokenProblem(formId, _t),
      proofOfWorkProblem(_altcha),
    ].filter((reason): reason is string => reason !== undefined)
    const id = newId()
    submissions.push({ id, formId, fields, spamReasons })
    // Spam is answered exactly like a person's submission: 201 with an id.
    json(res, 201, { id })
  })

  return {
    url: server.url,
    key,
    seen: server.seen,
    submissions: async () => submissions.slice(),
    moveClock: (ms) => void (offset += ms),
    stopClock: () => void (stoppedAt = Date.now()),
    close: server.close,
    options,
  }
}
