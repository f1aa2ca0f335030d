import { describe, expect, it } from 'vitest'
import { changesOf, draftOf, type FormSettingsIn, newFieldRow } from './form-draft.ts'

const settings: FormSettingsIn = {
  fields: {
    email: { type: 'email', required: true },
    message: { type: 'text', required: true, maxLength: 2000, label: 'Message' },
  },
  strict: true,
  maxFields: 30,
  maxFieldLength: 5000,
  notify: ['owner@example.com', 'desk@example.com'],
  subject: 'New submission: {{form}}',
  autoresponse: { enabled: false, subject: 'Thanks', text: 'We got it.' },
  rateLimits: { perAddressPerHour: 20, perFormPerHour: 1000 },
  spam: {
    honeypotField: '_gotcha',
    minSeconds: 3,
    requireTimeToken: false,
    proofOfWork: 'scripted',
    maxLinks: 3,
    blockedWords: ['casino'],
    blockedEmails: [],
    blockedIps: [],
    duplicateWindowMinutes: 60,
    turnstileSecret: '0x4AAA-secret',
  },
  webhookUrl: 'https://hooks.example.com/in',
  retentionDays: null,
}

describe('the form editor’s draft', () => {
  it('gives back the settings it was made from, unchanged', () => {
    const draft = draftOf({ name: 'Contact', enabled: true, settings })
    expect(draft.notify).toBe('owner@example.com\ndesk@example.com')
    const { redirectUrl: _, ...expected } = settings
    expect(changesOf(draft)).toEqual({ name: 'Contact', enabled: true, settings: expected })
  })

  it('keeps fields in the order the editor put them, and drops rows without a name', () => {
    const draft = draftOf({ name: 'Contact', enabled: true, settings })
    draft.fields = [
      { ...newFieldRow(), name: 'phone', label: ' Phone ', maxLength: '20' },
      ...draft.fields,
      newFieldRow(),
    ]
    const fields = changesOf(draft).settings.fields
    expect(Object.keys(fields)).toEqual(['phone', 'email', 'message'])
    expect(fields.phone).toEqual({ type: 'text', required: false, label: 'Phone', maxLength: 20 })
  })

  it('reads lists one item a line, ignoring blank lines and spaces', () => {
    const draft = draftOf({ name: 'Contact', enabled: true, settings })
    draft.notify = ' a@example.com \n\n b@example.com\n'
    draft.blockedWords = ''
    const changes = changesOf(draft).settings
    expect(changes.notify).toEqual(['a@example.com', 'b@example.com'])
    expect(changes.spam.blockedWords).toEqual([])
  })

  it('leaves out an emptied webhook URL, and sends no retention as null', () => {
    const draft = draftOf({ name: 'Contact', enabled: true, settings })
    draft.webhookUrl = '  '
    const changes = changesOf(draft).settings
    expect('webhookUrl' in changes).toBe(false)
    expect(changes.retentionDays).toBeNull()
    draft.retentionDays = '30'
    expect(changesOf(draft).settings.retentionDays).toBe(30)
  })

  it('sends a number box that holds no number as it is, for the API to name the field', () => {
    const draft = draftOf({ name: 'Contact', enabled: true, settings })
    draft.maxLinks = 'many'
    expect(changesOf(draft).settings.spam.maxLinks).toBeNaN()
  })
})
