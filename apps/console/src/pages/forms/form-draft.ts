// A form as its editor holds it: lists as text (one item a line), numbers as text, fields as
// rows in order; and back to the settings the API takes. Kept apart from the page so the
// conversion is tested on its own.

export type FieldRow = {
  /** Stable across renames, for the list's keys. */
  key: string
  name: string
  label: string
  type: 'text' | 'email'
  required: boolean
  maxLength: string
}

export type FormSettingsIn = {
  fields: Record<
    string,
    { type?: 'text' | 'email'; required?: boolean; label?: string; maxLength?: number }
  >
  strict: boolean
  maxFields: number
  maxFieldLength: number
  notify: string[]
  subject: string
  autoresponse: { enabled: boolean; subject: string; text: string }
  redirectUrl?: string
  rateLimits: { perAddressPerHour: number; perFormPerHour: number }
  spam: {
    honeypotField: string
    minSeconds: number
    requireTimeToken: boolean
    proofOfWork: 'scripted' | 'always' | 'off'
    maxLinks: number
    blockedWords: string[]
    blockedEmails: string[]
    blockedIps: string[]
    duplicateWindowMinutes: number
    turnstileSecret?: string
  }
  webhookUrl?: string
  retentionDays?: number | null
}

export type FormDraft = {
  name: string
  enabled: boolean
  fields: FieldRow[]
  strict: boolean
  maxFields: string
  maxFieldLength: string
  notify: string
  subject: string
  autoresponseEnabled: boolean
  autoresponseSubject: string
  autoresponseText: string
  redirectUrl: string
  perAddressPerHour: string
  perFormPerHour: string
  honeypotField: string
  minSeconds: string
  requireTimeToken: boolean
  proofOfWork: 'scripted' | 'always' | 'off'
  maxLinks: string
  blockedWords: string
  blockedEmails: string
  blockedIps: string
  duplicateWindowMinutes: string
  turnstileSecret: string
  webhookUrl: string
  retentionDays: string
}

let rowCount = 0
export function newFieldRow(): FieldRow {
  rowCount += 1
  return {
    key: `row-${rowCount}`,
    name: '',
    label: '',
    type: 'text',
    required: false,
    maxLength: '',
  }
}

const lines = (list: string[]) => list.join('\n')
const list = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
/** A number typed in a box; what is not one is sent as it is, for the API to name. */
const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text))

export function draftOf(form: {
  name: string
  enabled: boolean
  settings: FormSettingsIn
}): FormDraft {
  const s = form.settings
  return {
    name: form.name,
    enabled: form.enabled,
    fields: Object.entries(s.fields).map(([name, rule]) => ({
      ...newFieldRow(),
      name,
      label: rule.label ?? '',
      type: rule.type ?? 'text',
      required: rule.required ?? false,
      maxLength: rule.maxLength ? String(rule.maxLength) : '',
    })),
    strict: s.strict,
    maxFields: String(s.maxFields),
    maxFieldLength: String(s.maxFieldLength),
    notify: lines(s.notify),
    subject: s.subject,
    autoresponseEnabled: s.autoresponse.enabled,
    autoresponseSubject: s.autoresponse.subject,
    autoresponseText: s.autoresponse.text,
    redirectUrl: s.redirectUrl ?? '',
    perAddressPerHour: String(s.rateLimits.perAddressPerHour),
    perFormPerHour: String(s.rateLimits.perFormPerHour),
    honeypotField: s.spam.honeypotField,
    minSeconds: String(s.spam.minSeconds),
    requireTimeToken: s.spam.requireTimeToken,
    proofOfWork: s.spam.proofOfWork,
    maxLinks: String(s.spam.maxLinks),
    blockedWords: lines(s.spam.blockedWords),
    blockedEmails: lines(s.spam.blockedEmails),
    blockedIps: lines(s.spam.blockedIps),
    duplicateWindowMinutes: String(s.spam.duplicateWindowMinutes),
    turnstileSecret: s.spam.turnstileSecret ?? '',
    webhookUrl: s.webhookUrl ?? '',
    retentionDays: s.retentionDays ? String(s.retentionDays) : '',
  }
}

/**
 * The `PATCH` body for a draft. An optional URL left empty is left out: the API keeps the one
 * it has (it offers no way to remove one).
 */
export function changesOf(draft: FormDraft) {
  return {
    name: draft.name.trim(),
    enabled: draft.enabled,
    settings: {
      fields: Object.fromEntries(
        draft.fields
          .filter((row) => row.name.trim() !== '')
          .map((row) => [
            row.name.trim(),
            {
              type: row.type,
              required: row.required,
              ...(row.label.trim() && { label: row.label.trim() }),
              ...(row.maxLength.trim() && { maxLength: number(row.maxLength) }),
            },
          ]),
      ),
      strict: draft.strict,
      maxFields: number(draft.maxFields),
      maxFieldLength: number(draft.maxFieldLength),
      notify: list(draft.notify),
      subject: draft.subject,
      autoresponse: {
        enabled: draft.autoresponseEnabled,
        subject: draft.autoresponseSubject,
        text: draft.autoresponseText,
      },
      ...(draft.redirectUrl.trim() && { redirectUrl: draft.redirectUrl.trim() }),
      rateLimits: {
        perAddressPerHour: number(draft.perAddressPerHour),
        perFormPerHour: number(draft.perFormPerHour),
      },
      spam: {
        honeypotField: draft.honeypotField.trim(),
        minSeconds: number(draft.minSeconds),
        requireTimeToken: draft.requireTimeToken,
        proofOfWork: draft.proofOfWork,
        maxLinks: number(draft.maxLinks),
        blockedWords: list(draft.blockedWords),
        blockedEmails: list(draft.blockedEmails),
        blockedIps: list(draft.blockedIps),
        duplicateWindowMinutes: number(draft.duplicateWindowMinutes),
        // The spam settings are replaced whole: one left out here would be removed.
        ...(draft.turnstileSecret.trim() && { turnstileSecret: draft.turnstileSecret.trim() }),
      },
      ...(draft.webhookUrl.trim() && { webhookUrl: draft.webhookUrl.trim() }),
      retentionDays: draft.retentionDays.trim() ? number(draft.retentionDays) : null,
    },
  }
}
