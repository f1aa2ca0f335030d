/** One email, ready for any transport. Addresses are RFC 5322 strings (`Name <a@b.example>`). */
export type MailMessage = {
  from: string
  to: string[]
  replyTo?: string
  subject: string
  text: string
  html: string
  /** With angle brackets, e.g. `<job_abc@example.com>`; stable across retries of one job. */
  messageId: string
  headers?: Record<string, string>
}

/**
 * Hands a message to a mail server or provider. Resolves once it was accepted; throws otherwise,
 * and the outbox retries the job later with backoff.
 */
export interface MailTransport {
  send(message: MailMessage): Promise<void>
}

/**
 * A failure that retrying cannot fix: a malformed job payload, or a message the provider rejected
 * as invalid. `permanent` tells the outbox to give the job up at once instead of retrying it for
 * hours; anything else thrown by a transport is treated as temporary.
 */
export class PermanentMailError extends Error {
  override name = 'PermanentMailError'
  readonly permanent = true
}

const htmlEscapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** Text → HTML that displays it literally, safe in element content and quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => htmlEscapes[c] ?? c)
}

export type KeyValueEmail = {
  title: string
  /** Plain text; blank lines separate paragraphs. */
  intro?: string
  rows?: ReadonlyArray<readonly [label: string, value: string]>
  /** A call to action such as "Verify your email"; only http(s) URLs are linked. */
  action?: { label: string; url: string }
  footer?: string
}

/**
 * The one look for Porchlight's emails: a title, some paragraphs, a table of labelled values, an
 * optional link and a footer, as a plain-text part and an HTML part. Every string is treated as
 * text and escaped, so values typed by a site's visitors cannot inject markup into the inbox.
 *
 * @example
 * const { text, html } = renderKeyValueEmail({
 *   title: 'New message from your contact form',
 *   rows: [['Name', 'Ada'], ['Message', 'Hello!']],
 *   footer: 'Sent by Porchlight',
 * })
 */
export function renderKeyValueEmail(email: KeyValueEmail): { text: string; html: string } {
  const rows = email.rows ?? []
  const action = email.action && /^https?:\/\//i.test(email.action.url) ? email.action : undefined
  const paragraphs = (email.intro ?? '').split(/\n\s*\n/).filter((p) => p.trim() !== '')

  const text = [
    email.title,
    ...paragraphs,
    rows
      .map(([label, value]) =>
        value.includes('\n') ? `${label}:\n${value.replace(/^/gm, '  ')}` : `${label}: ${value}`,
      )
      .join('\n'),
    action && `${action.label}: ${action.url}`,
    email.footer && `--\n${email.footer}`,
  ]
    .filter((part) => part)
    .join('\n\n')

  const cell = 'padding:6px 12px 6px 0;vertical-align:top;text-align:left'
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(email.title)}</title></head>
<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:15px;line-height:1.5;color:#1a1a1a;background:#ffffff">
<div style="max-width:600px">
<h1 style="font-size:20px;margin:0 0 16px">${escapeHtml(email.title)}</h1>
${paragraphs.map((p) => `<p style="margin:0 0 12px">${lines(p)}</p>`).join('\n')}
${
  rows.length === 0
    ? ''
    : `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">
${rows
  .map(
    ([label, value]) =>
      `<tr><th style="${cell};color:#555;font-weight:600;white-space:nowrap">${escapeHtml(label)}</th><td style="${cell};white-space:pre-wrap">${escapeHtml(value)}</td></tr>`,
  )
  .join('\n')}
</table>`
}
${action ? `<p style="margin:0 0 16px"><a href="${escapeHtml(action.url)}" style="color:#0b57d0">${escapeHtml(action.label)}</a></p>` : ''}
${email.footer ? `<p style="margin:24px 0 0;font-size:13px;color:#666">${lines(email.footer)}</p>` : ''}
</div>
</body></html>
`
  return { text, html }
}

function lines(text: string): string {
  return escapeHtml(text.trim()).replace(/\r?\n/g, '<br>')
}
