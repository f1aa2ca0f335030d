import { isPorchlightError } from '../../sdk/src/errors.ts'
import type { ContactForm } from '../../sdk/src/index.ts'
import { failureText } from './failure-text.ts'
import { markInvalidFields } from './field-errors.ts'
import type { EmbedStrings } from './strings.ts'

/**
 * What {@link enhanceForm} needs from the page's setup.
 *
 * @example
 * const context: FormContext = { url, contactForm: () => client.contactForm, strings: () => strings }
 */
export interface FormContext {
  /** The API base, e.g. `https://api.example.com`. */
  url: string
  /** The contact form API for a publishable key (from the form's `action`), or the page's own. */
  contactForm(key: string | null): ContactForm
  /** The strings in use now, so a later `setStrings` applies to the next message. */
  strings(): EmbedStrings
}

const enhanced = new WeakSet<HTMLFormElement>()

/**
 * The form id in an `action` such as `https://api.example.com/v1/forms/contact/submissions?key=…`,
 * when it points at the API at `url`; otherwise `null`.
 *
 * @throws Nothing.
 * @example
 * formIdFromAction('https://api.example.com/v1/forms/contact/submissions?key=pk_…', 'https://api.example.com') // 'contact'
 */
export function formIdFromAction(action: string, url: string): string | null {
  const { origin, pathname } = new URL(action)
  const path = origin + pathname
  const prefix = `${url}/v1/forms/`
  const id = path.startsWith(prefix)
    ? /^([^/]+)\/submissions\/?$/.exec(path.slice(prefix.length))
    : null
  return id?.[1] ? decodeURIComponent(id[1]) : null
}

/**
 * Makes a plain HTML contact form submit through the API without leaving the page, keeping its
 * `action` and `method`, so that without JavaScript it still posts and redirects. Forms are
 * recognised by `data-porchlight-form="<form id>"` or by an `action` posting to the API's
 * submissions URL; any other form is left alone. Safe to call twice on the same form.
 *
 * - The proof of work is solved as soon as the form scrolls into view or is focused.
 * - A hidden honeypot field `_gotcha` is added when the form has none.
 * - While sending, the submit buttons are disabled and the form is `aria-busy`.
 * - Progress, success and errors are announced in an `aria-live="polite"` region: an element
 *   with `data-porchlight-status` inside the form, or one created right after it. A mistake in
 *   the page's setup (its origin not allowed, an unknown key or form) is said as one, with the
 *   server's message naming the fix (`strings.configurationError`).
 * - Fields the server refused get `aria-invalid` and its message; the first one gets the focus.
 * - On success the page goes to `data-porchlight-redirect` when given; else, when the form has
 *   a `data-porchlight-success` text, it is reset and shows that text; else it goes to its
 *   `_next` field's page, as without JavaScript; else it is reset and shows `strings.formSent`.
 * - The form fires `porchlight:sent` (`detail.id`) and `porchlight:error` (`detail.error`).
 *
 * @throws Nothing itself; a failed submission is shown in the form.
 * @example
 * enhanceForm(document.querySelector('form')!, context)
 */
export function enhanceForm(form: HTMLFormElement, context: FormContext): void {
  // The attribute, not `form.action`: a field named "action" would shadow the property.
  const action = new URL(form.getAttribute('action') ?? '', document.baseURI)
  const posted = formIdFromAction(action.href, context.url)
  const formId = form.dataset.porchlightForm || posted
  if (!formId || enhanced.has(form)) return
  enhanced.add(form)
  // A key in an action that posts to the API is the one that form is meant for.
  const contactForm = context.contactForm(posted && action.searchParams.get('key'))

  if (!form.elements.namedItem('_gotcha')) {
    // People never see or reach it; bots that fill in every field do. Off-screen rather than
    // hidden, since bots skip fields that are display:none.
    const honeypot = document.createElement('input')
    honeypot.name = '_gotcha'
    honeypot.tabIndex = -1
    honeypot.autocomplete = 'off'
    honeypot.setAttribute('aria-hidden', 'true')
    honeypot.style.cssText = 'position:absolute;left:-9999px;width:1px;height:1px'
    form.append(honeypot)
  }

  // The region must be in the page before anything is said in it, or screen readers miss it.
  let status = form.querySelector<HTMLElement>('[data-porchlight-status]')
  if (!status) {
    status = document.createElement('div')
    status.dataset.porchlightStatus = ''
    form.after(status)
  }
  status.setAttribute('role', 'status')
  status.setAttribute('aria-live', 'polite')
  const say = (text: string, state: 'sending' | 'sent' | 'error') => {
    status.textContent = text
    status.dataset.state = form.dataset.porchlightState = state
  }

  // Solving starts when the visitor can see the form, so it is done by the time they send. Not
  // again after an error: a new challenge would also restart the time trap, and a quick
  // correction would then look like a bot's; `submit` solves its own challenge instead.
  let prepared = false
  const prepare = () => {
    if (!prepared) void contactForm.prepare(formId)
    prepared = true
  }
  form.addEventListener('focusin', prepare)
  if (typeof IntersectionObserver === 'function') {
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) {
        observer.disconnect()
        prepare()
      }
    })
    observer.observe(form)
  } else prepare()

  let sending = false
  let clearFieldErrors = () => {}
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    if (sending) return
    sending = true
    // Read before the buttons are disabled: the clicked button's name and value are sent too.
    const data = new FormData(form, event.submitter)
    const strings = context.strings()
    const buttons = [...form.elements].filter(
      (element): element is HTMLButtonElement =>
        (element as HTMLButtonElement).type === 'submit' &&
        !(element as HTMLButtonElement).disabled,
    )
    for (const button of buttons) button.disabled = true
    form.setAttribute('aria-busy', 'true')
    clearFieldErrors()
    say(strings.formSending, 'sending')
    try {
      const { id } = await contactForm.submit(formId, data)
      form.dispatchEvent(new CustomEvent('porchlight:sent', { bubbles: true, detail: { id } }))
      // A success text asks to stay on the page; `_next` then serves browsers without JavaScript.
      const { porchlightRedirect: redirect, porchlightSuccess: success } = form.dataset
      const next = webPage(redirect || (success === undefined ? data.get('_next') : null))
      if (next) {
        location.assign(next)
        return
      }
      form.reset()
      say(success || strings.formSent, 'sent')
      prepared = false // a next message gets a new challenge when the form is used again
    } catch (error) {
      form.dispatchEvent(new CustomEvent('porchlight:error', { bubbles: true, detail: { error } }))
      if (!isPorchlightError(error)) {
        say(strings.formFailed, 'error')
        throw error
      }
      const marked = markInvalidFields(form, error.fields)
      clearFieldErrors = marked.clear
      if (marked.first || marked.unmatched.length > 0) {
        // Fields the page has no control for are named, unless they are internal (`_…`).
        const others = marked.unmatched.map(([name, text]) =>
          name.startsWith('_') ? text : `${name}: ${text}`,
        )
        say([strings.formInvalid, ...others].join(' '), 'error')
        marked.first?.focus()
      } else {
        // A bad key or origin is said as what it is, with the fix, not as "try again later".
        say(failureText(error, strings, strings.formFailed), 'error')
        console.warn(`Porchlight: ${error.code}: ${error.message}`)
      }
    } finally {
      for (const button of buttons) button.disabled = false
      form.removeAttribute('aria-busy')
      sending = false
    }
  })
}

/** `value` as an absolute http(s) URL, or `null`: a `javascript:` URL in a hidden field must not run. */
function webPage(value: unknown): string | null {
  if (!value || typeof value !== 'string') return null
  try {
    const url = new URL(value, location.href)
    return /^https?:$/.test(url.protocol) ? url.href : null
  } catch {
    return null
  }
}
