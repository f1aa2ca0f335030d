import { isPorchlightError } from '@porchlight/sdk'

/**
 * Handles a form's submit event with `send`, the SDK call behind it: the button is disabled while
 * it runs, the sentence it returns is announced in `status`, and a failure shows the server's
 * message there and each field's own message next to that field.
 */
export function onSubmit(
  form: HTMLFormElement,
  send: (data: FormData) => Promise<string | undefined>,
  status = statusOf(form),
): void {
  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    const button = form.querySelector<HTMLButtonElement>('button[type=submit]')
    if (button) button.disabled = true
    clearErrors(form)
    try {
      status.textContent = (await send(new FormData(form))) ?? ''
    } catch (error) {
      showError(form, error, status)
    } finally {
      if (button) button.disabled = false
    }
  })
}

/**
 * Shows an SDK error on a form. Every SDK failure is a `PorchlightError`: branch on its `code`
 * (stable) and show its `message` (for people). On `VALIDATION_FAILED`, `fields` holds a message
 * per bad field, keyed by the field's name: `{ email: 'Must be an email address.' }`.
 */
export function showError(form: HTMLFormElement, error: unknown, status = statusOf(form)): void {
  if (!isPorchlightError(error)) {
    status.textContent = 'Something went wrong. Please try again.'
    throw error // a bug in this app, not an answer from the server: let it reach the console
  }
  if (error.code === 'RATE_LIMITED' && error.retryAfter) {
    status.textContent = `Too many attempts. Try again in ${error.retryAfter} seconds.`
    return
  }
  let first: HTMLElement | undefined
  for (const [name, message] of Object.entries(error.fields)) {
    const field = form.elements.namedItem(name)
    if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) continue
    const note = document.createElement('span')
    note.className = 'field-error'
    note.id = `${form.id}-${name}-error`
    note.textContent = message
    field.after(note)
    field.setAttribute('aria-invalid', 'true')
    // After the field's own hint (a password's rules), if it has one.
    const hint = field.getAttribute('aria-describedby')
    field.setAttribute('aria-describedby', hint ? `${hint} ${note.id}` : note.id)
    first ??= field
  }
  status.textContent = first ? 'Please correct the marked fields.' : error.message
  first?.focus()
}

/** A form field's value as text (`FormData.get` gives `File | string | null`). */
export function text(data: FormData, name: string): string {
  const value = data.get(name)
  return typeof value === 'string' ? value : ''
}

/** The form's own `role="status"` line, which screen readers announce when it changes. */
function statusOf(form: HTMLFormElement): HTMLElement {
  return form.querySelector('[role=status]') ?? form
}

function clearErrors(form: HTMLFormElement): void {
  for (const note of form.querySelectorAll('.field-error')) note.remove()
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid')
    // The hint stays; the error notes are gone.
    const hints = (field.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id && !id.endsWith('-error'))
    if (hints.length > 0) field.setAttribute('aria-describedby', hints.join(' '))
    else field.removeAttribute('aria-describedby')
  }
}
