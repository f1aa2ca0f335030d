// The copy-ready snippets that put a form on a page, one for each way to install it: a plain
// HTML form, the script tag, the SDK. Built from the form's own fields, so what is pasted
// matches what the form accepts.

export type FieldRule = {
  type?: 'text' | 'email'
  required?: boolean
  label?: string
  maxLength?: number
}

export type SnippetForm = {
  id: string
  fields: Record<string, FieldRule>
  honeypotField: string
}

/** Where the snippets send to: this server, and the site's publishable key. */
export type SnippetTarget = { apiUrl: string; publishableKey: string }

/** Text safe inside an HTML attribute value or element. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** "first_name" → "First name": a label for a field that has none. */
export function labelFor(name: string, rule: FieldRule): string {
  if (rule.label) return rule.label
  const words = name.replace(/[_-]+/g, ' ').trim()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

// Long free text gets a text area: a message, or anything allowed to run past a line.
const longText = /message|comment|body|question|details|text/i

function control(name: string, rule: FieldRule): string {
  const attributes = [
    `name="${escapeHtml(name)}"`,
    rule.type === 'email' ? 'type="email"' : '',
    rule.required ? 'required' : '',
    rule.maxLength ? `maxlength="${rule.maxLength}"` : '',
  ].filter(Boolean)
  const area = rule.type !== 'email' && (longText.test(name) || (rule.maxLength ?? 0) > 500)
  return area ? `<textarea ${attributes.join(' ')}></textarea>` : `<input ${attributes.join(' ')}>`
}

/** The form's fields, or an email and a message when it lists none (it keeps any fields). */
function fieldsOf(form: SnippetForm): [string, FieldRule][] {
  const listed = Object.entries(form.fields)
  return listed.length
    ? listed
    : [
        ['email', { type: 'email', required: true }],
        ['message', { required: true }],
      ]
}

function formBody(form: SnippetForm, send: string): string[] {
  return [
    ...fieldsOf(form).map(
      ([name, rule]) =>
        `  <label>${escapeHtml(labelFor(name, rule))} ${control(name, rule)}</label>`,
    ),
    '  <!-- A honeypot: people never see or fill it; bots do. -->',
    `  <input name="${escapeHtml(form.honeypotField)}" tabindex="-1" autocomplete="off" style="position:absolute;left:-9999px" aria-hidden="true">`,
    `  <button>${escapeHtml(send)}</button>`,
  ]
}

function submissionsUrl(target: SnippetTarget, formId: string) {
  return `${target.apiUrl}/v1/forms/${encodeURIComponent(formId)}/submissions`
}

/**
 * A plain HTML form: no JavaScript, the browser posts it.
 *
 * @example htmlSnippet({ apiUrl: 'https://api.example.com', publishableKey: 'pk_…' }, form, 'Send')
 */
export function htmlSnippet(target: SnippetTarget, form: SnippetForm, send: string): string {
  const action = `${submissionsUrl(target, form.id)}?key=${encodeURIComponent(target.publishableKey)}`
  return [
    `<form method="post" action="${escapeHtml(action)}">`,
    ...formBody(form, send),
    '</form>',
  ].join('\n')
}

/** The same form enhanced by the script tag: sent in place, with proof of work. */
export function scriptTagSnippet(target: SnippetTarget, form: SnippetForm, send: string): string {
  const action = `${submissionsUrl(target, form.id)}?key=${encodeURIComponent(target.publishableKey)}`
  return [
    `<script src="${escapeHtml(target.apiUrl)}/embed.js" data-key="${escapeHtml(target.publishableKey)}" defer></script>`,
    '',
    `<form method="post" action="${escapeHtml(action)}" data-porchlight-form="${escapeHtml(form.id)}">`,
    ...formBody(form, send),
    '</form>',
  ].join('\n')
}

/** The SDK sending the page's `<form>`. */
export function sdkSnippet(target: SnippetTarget, formId: string): string {
  return [
    "import { createClient } from '@porchlight/sdk'",
    '',
    `const porchlight = createClient({ url: ${JSON.stringify(target.apiUrl)}, key: ${JSON.stringify(target.publishableKey)} })`,
    "const form = document.querySelector('form')",
    '',
    `porchlight.contactForm.prepare(${JSON.stringify(formId)})`,
    "form.addEventListener('submit', async (event) => {",
    '  event.preventDefault()',
    '  try {',
    `    await porchlight.contactForm.submit(${JSON.stringify(formId)}, form)`,
    '  } catch (error) {',
    "    // error.code: 'VALIDATION_FAILED', 'RATE_LIMITED', …; error.fields: per field",
    '  }',
    '})',
  ].join('\n')
}
