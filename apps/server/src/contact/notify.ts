import { emailJob } from '../mail/job.ts'
import { renderKeyValueEmail } from '../mail/message.ts'
import { type EnqueueOptions, formTopic } from '../outbox/jobs.ts'
import { webhookJob } from '../webhooks/job.ts'
import type { Fields } from './fields.ts'
import type { Form } from './queries.ts'

export type StoredSubmission = {
  id: string
  formId: string
  data: Fields
  email: string | null
  createdAt: number
}

/** `{{form}}`, `{{site}}` and `{{field.NAME}}` in the owner's subject template. */
export function renderSubject(
  template: string,
  values: { form: string; site: string; fields: Fields },
) {
  const text = template.replace(
    /\{\{\s*(form|site|field\.([^}\s]+))\s*\}\}/g,
    (_, key: string, field?: string) => {
      if (field !== undefined) {
        const value = values.fields[field]
        return (Array.isArray(value) ? value.join(', ') : value) ?? ''
      }
      return key === 'form' ? values.form : values.site
    },
  )
  // A header must be one line; a submitter must not be able to inject headers through a field.
  const line = text
    .replace(/[\r\n]+/g, ' ')
    .trim()
    .slice(0, 250)
  // `{{field.subject}}` left blank by the sender must not leave the email without a subject,
  // which the mail layer refuses: that would fail the submission itself.
  return line !== '' ? line : `New submission: ${values.form} on ${values.site}`
}

/**
 * The deliveries a submission that is not spam causes: the owner's notification (Reply-To the
 * submitter, so answering is one click), and the form's webhook. Enqueued in the same batch as
 * the submission itself, or as the status change that rescues it from spam.
 */
export function notificationsFor(
  form: Form,
  site: { name: string },
  submission: StoredSubmission,
): EnqueueOptions[] {
  const jobs: EnqueueOptions[] = []
  const { settings } = form
  if (settings.notify.length > 0) {
    const rows = Object.entries(submission.data).map(([name, value]): [string, string] => [
      settings.fields[name]?.label ?? name,
      Array.isArray(value) ? value.join(', ') : value,
    ])
    jobs.push({
      key: `${submission.id}.notify`,
      topic: formTopic(form.id),
      ...emailJob({
        to: settings.notify,
        ...(submission.email && { replyTo: submission.email }),
        subject: renderSubject(settings.subject, {
          form: form.name,
          site: site.name,
          fields: submission.data,
        }),
        ...renderKeyValueEmail({
          title: `New submission to ${form.name}`,
          intro: `Someone sent the form "${form.name}" on ${site.name}.`,
          rows,
          footer: `Submission ${submission.id}${submission.email ? ' · reply to this email to answer the sender' : ''}`,
        }),
      }),
    })
  }
  if (settings.webhookUrl) {
    jobs.push({
      key: `${submission.id}.webhook`,
      topic: formTopic(form.id),
      ...webhookJob({
        url: settings.webhookUrl,
        formId: form.id,
        event: {
          type: 'submission.created',
          timestamp: new Date(submission.createdAt).toISOString(),
          data: {
            id: submission.id,
            form: form.id,
            fields: submission.data,
            email: submission.email,
          },
        },
      }),
    })
  }
  return jobs
}

/** The optional confirmation to the submitter; the caller rate-limits it per address. */
export function autoresponseFor(form: Form, site: { name: string }, to: string): EnqueueOptions {
  const { subject, text } = form.settings.autoresponse
  return emailJob({
    to: [to],
    subject: renderSubject(subject, { form: form.name, site: site.name, fields: {} }),
    ...renderKeyValueEmail({
      title: subject,
      intro: text,
      rows: [],
      footer: `Sent by ${site.name}`,
    }),
  })
}
