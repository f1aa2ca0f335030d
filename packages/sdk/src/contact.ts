import {
  type CallOptions,
  type ConnectionOptions,
  createSend,
  type RequestFunction,
  type SendFunction,
} from './core.ts'
import { clientError } from './errors.ts'
import { type Challenge, solveChallenge } from './pow.ts'
import type { FormElement } from './runtime-types.ts'

/**
 * What a contact form submits: a plain object; a `FormData`, `URLSearchParams` or any other
 * iterable of `[name, value]` pairs; or, in a page, the `<form>` itself. Numbers and booleans are
 * sent as strings; arrays and repeated names become arrays of strings. A honeypot field
 * (`_gotcha`) is passed through like any other.
 *
 * @example
 * const data: ContactFormData = { email: 'ada@example.com', message: 'Hello', topics: ['a', 'b'] }
 */
export type ContactFormData =
  | Record<string, string | string[] | number | boolean>
  | Iterable<readonly [string, unknown]>
  | FormElement

/**
 * What the server answers to an accepted submission.
 *
 * @example
 * const { id }: Submission = await contactForm.submit('contact', data)
 */
export interface Submission {
  /** `sub_…`. */
  id: string
}

/**
 * Contact form submissions, made by {@link createContactForm} or found at `client.contactForm`.
 *
 * @example
 * const contactForm: ContactForm = createContactForm({ url: 'https://api.example.com', key: 'pk_…' })
 */
export interface ContactForm {
  /**
   * Fetches a challenge for the form and starts solving it in the background, so that `submit`
   * is instant. Call it when the form is shown (or first focused), not when it is submitted:
   * it also starts the spam filter's clock (the time token), and a submission within about
   * 3 seconds of it is taken for a bot's; forms set to require the time token take only
   * submissions prepared this way. The time token is kept for the form's later submissions
   * (after a validation error, say), while each challenge is used once. Calling `prepare` again
   * before the next `submit` reuses the same challenge; one about to expire (after 10 minutes on
   * Porchlight) is replaced by `submit` with a fresh one.
   *
   * @throws Never: it resolves once the challenge is solved, or as soon as that failed (including
   *   `signal` aborting); the failure is forgotten, and `submit` fetches its own challenge and
   *   reports any error.
   * @example
   * form.addEventListener('focusin', () => contactForm.prepare('contact'), { once: true })
   */
  prepare(formId: string, options?: CallOptions): Promise<void>
  /**
   * Sends a submission with the solution of a proof-of-work challenge: the one `prepare` made
   * ready, which is used once, or else a new one fetched and solved now (about half a second on
   * average in desktop Chromium; see docs/performance.md). Spam is answered like a success, so a bot learns
   * nothing from the answer. Aborting `signal` while a prepared challenge is still being solved
   * takes effect once that solve ends. On a site's own server, send the site's secret key in
   * `options.headers` (`authorization: 'Bearer sk_…'`, never from a page): the server then asks
   * for no real proof of work (README: "Contact forms from a server").
   *
   * @throws {PorchlightError} `FILE_UPLOADS_NOT_SUPPORTED` (status 0, before any request) when
   *   the data holds a file; `VALIDATION_FAILED` (422) with a message per field in `fields`;
   *   `FORM_NOT_FOUND` (404); `FORM_DISABLED` (403); `RATE_LIMITED` (429) with `retryAfter`;
   *   `CHALLENGE_FAILED`, `ABORTED`, `TIMEOUT`, `NETWORK_ERROR` (status 0); or any other code
   *   of the API's, such as `ORIGIN_NOT_ALLOWED` (403), or `SECRET_KEY_IN_BROWSER` (403) for a
   *   secret key sent from a browser.
   * @example
   * form.addEventListener('submit', async (event) => {
   *   event.preventDefault()
   *   try {
   *     await contactForm.submit('contact', form)
   *     form.replaceWith('Thank you!')
   *   } catch (e) {
   *     if (isPorchlightError(e)) showErrors(e.message, e.fields)
   *   }
   * })
   */
  submit(formId: string, data: ContactFormData, options?: CallOptions): Promise<Submission>
}

/** A challenge as the API sends it, with the number that solves it. */
interface Solution extends Challenge {
  timeToken: string
  number: number
}

/**
 * Creates the contact form API on its own, from connection options or an existing client, so a
 * page that only has a contact form bundles only this and the request core (under 1.5 KB
 * min+gzip). Prepared challenges are kept per instance.
 *
 * @throws Nothing itself; see {@link ContactForm} for what its methods throw.
 * @example
 * import { createContactForm } from '@porchlight/sdk'
 * const contactForm = createContactForm({ url: 'https://api.example.com', key: 'pk_…' })
 * const form = document.querySelector('form')!
 * contactForm.prepare('contact')
 * form.onsubmit = (event) => {
 *   event.preventDefault()
 *   contactForm.submit('contact', form).then(({ id }) => console.log('sent', id))
 * }
 */
export function createContactForm(
  source: ConnectionOptions | { request: RequestFunction },
): ContactForm {
  // Given options, only the core request path: no query strings, no storage.
  const request: SendFunction = 'request' in source ? source.request : createSend(source)
  // Settles to undefined when the preparation failed, so waiting on it never throws.
  const prepared = new Map<string, Promise<Solution | undefined>>()
  // The time token of the first prepared challenge, by form. Unlike a challenge it is not
  // single-use: it says when the form was first shown, which stays true when the visitor
  // corrects a field and sends again (a fresh challenge's own token would be too recent).
  const timeTokens = new Map<string, string>()
  const path = (formId: string, action: string) =>
    `/v1/forms/${encodeURIComponent(formId)}/${action}`

  async function solve(formId: string, options?: CallOptions): Promise<Solution> {
    const challenge = await request<Solution>('GET', path(formId, 'challenge'), options)
    return { ...challenge, number: await solveChallenge(challenge, options?.signal) }
  }

  return {
    prepare(formId, options) {
      let attempt = prepared.get(formId)
      if (!attempt) {
        // A failed preparation is forgotten, so the next submit fetches its own challenge.
        attempt = solve(formId, options).catch(() => void prepared.delete(formId))
        prepared.set(formId, attempt)
      }
      return attempt.then(() => {})
    },

    async submit(formId, data, options) {
      const fields = fieldsOf(data)
      // Challenges are single-use: take the prepared one out whatever happens next.
      const ready = prepared.get(formId)
      prepared.delete(formId)
      let solution = await ready
      if (solution) timeTokens.set(formId, timeTokens.get(formId) ?? solution.timeToken)
      // A challenge that expires (salt `…?expires=<Unix seconds>`) before the request arrives
      // would only be refused: leave it a margin of 30 s. No expiry gives NaN, which never is.
      if (
        solution &&
        Number(/expires=(\d+)/.exec(solution.salt)?.[1]) * 1000 < Date.now() + 30_000
      ) {
        solution = undefined
      }
      solution ??= await solve(formId, options)
      return request('POST', path(formId, 'submissions'), {
        ...options,
        body: {
          ...fields,
          // What ALTCHA servers verify: base64 of the JSON of these properties (the array picks
          // them, in this order).
          _altcha: btoa(
            JSON.stringify(solution, ['algorithm', 'challenge', 'number', 'salt', 'signature']),
          ),
          // Only from prepare: a token fetched just now would only look too fast.
          _t: timeTokens.get(formId),
        },
      })
    },
  }
}

/** Form data as the API takes it: strings, or arrays of strings for multi-valued fields. */
function fieldsOf(data: ContactFormData): Record<string, string | string[]> {
  // No prototype, so fields named `constructor` or `__proto__` are plain fields.
  const fields: Record<string, string | string[]> = Object.create(null)
  // A form first: it is iterable too, but over its controls.
  const entries: Iterable<readonly [string, unknown]> =
    typeof HTMLFormElement !== 'undefined' && data instanceof HTMLFormElement
      ? new FormData(data)
      : Symbol.iterator in data
        ? (data as Iterable<readonly [string, unknown]>)
        : Object.entries(data)
  for (const [name, value] of entries) {
    // Refused even when empty (an unused file input): better found while building the page
    // than when the first visitor attaches a file.
    if (value instanceof Blob) {
      throw clientError('FILE_UPLOADS_NOT_SUPPORTED', `"${name}" is a file: forms take no files`)
    }
    const text = Array.isArray(value) ? value.map(String) : String(value)
    const previous = fields[name]
    fields[name] = previous === undefined ? text : [previous, text].flat()
  }
  return fields
}
