// The inbox: submissions, their filters, the detail, bulk actions and keys.
import type { BulkAction, SpamReason, SubmissionStatus } from '../../api/vocabulary.ts'

/** Why the spam filter caught a submission, as a sentence ("Caught as spam because …"). */
const spamReasons = {
  honeypot: 'it filled the hidden field',
  blocked_ip: 'its IP address is blocked',
  blocked_email: 'its address is blocked',
  too_many_links: 'it has too many links',
  blocked_word: 'it has a blocked word',
  missing_time_token: 'it came without the time token',
  too_fast: 'it was sent too fast for a person',
  expired_time_token: 'its time token had expired',
  invalid_time_token: 'its time token was not valid',
  missing_proof_of_work: 'it came without proof of work',
  invalid_proof_of_work: 'its proof of work was wrong',
  expired_proof_of_work: 'its proof of work had expired',
  replayed_proof_of_work: 'its proof of work was used before',
  duplicate: 'it repeats an earlier submission',
  missing_turnstile_token: 'it came without a Turnstile token',
  turnstile_failed: 'Turnstile refused it',
} satisfies Record<SpamReason, string> as Record<string, string>

/**
 * The same reasons, short, for the filter. Its keys are the filter's options
 * (pages/inbox/inbox-filters.ts): a reason the API adds is offered once it has wording here.
 */
const spamReasonLabels = {
  honeypot: 'Hidden field filled',
  blocked_ip: 'Blocked IP address',
  blocked_email: 'Blocked address',
  too_many_links: 'Too many links',
  blocked_word: 'Blocked word',
  missing_time_token: 'No time token',
  too_fast: 'Too fast',
  expired_time_token: 'Expired time token',
  invalid_time_token: 'Invalid time token',
  missing_proof_of_work: 'No proof of work',
  invalid_proof_of_work: 'Wrong proof of work',
  expired_proof_of_work: 'Expired proof of work',
  replayed_proof_of_work: 'Reused proof of work',
  duplicate: 'Duplicate',
  missing_turnstile_token: 'No Turnstile token',
  turnstile_failed: 'Turnstile refused',
} satisfies Record<SpamReason, string> as Record<string, string>

/** The inbox's keys, for the page and for the list of shortcuts. */
const shortcuts: [string, string][] = [
  ['j', 'Next submission'],
  ['k', 'Previous submission'],
  ['e', 'Archive'],
  ['#', 'Delete'],
  ['!', 'Spam, or not spam'],
  ['x', 'Select for a bulk action'],
  ['/', 'Search'],
]

export const inbox = {
  inbox: {
    title: 'Inbox',
    filters: 'Filters',
    search: 'Search submissions',
    searchHint: 'Words in any field or the sender’s address.',
    form: 'Form',
    anyForm: 'Every form',
    status: 'Status',
    anyStatus: 'Any status',
    /** Also the status filter's options, in this order (pages/inbox/inbox-filters.ts). */
    statuses: {
      new: 'New',
      read: 'Read',
      spam: 'Spam',
      archived: 'Archived',
    } satisfies Record<SubmissionStatus, string> as Record<string, string>,
    spamReason: 'Spam reason',
    anyReason: 'Any reason',
    from: 'From date',
    to: 'To date',
    clearFilters: 'Clear filters',
    export: 'Export CSV',
    exporting: 'Exporting…',
    exported: 'Export downloaded.',
    none: 'No submissions match these filters.',
    noneYet: 'No submissions yet. They appear here as soon as a form receives one.',
    list: 'Submissions',
    selectAll: 'Select every submission shown',
    select: (who: string) => `Select the submission from ${who}`,
    selected: (n: number) => (n === 1 ? '1 selected' : `${n} selected`),
    noSender: 'no address',
    pick: 'Pick a submission to read it.',
    close: 'Close',
    bulk: {
      label: 'With the selected',
      read: 'Mark read',
      archive: 'Archive',
      spam: 'Mark as spam',
      not_spam: 'Not spam',
      delete: 'Delete',
    } satisfies Record<BulkAction | 'label', string> as Record<string, string>,
    bulkDone: (n: number, action: string) =>
      `${n === 1 ? '1 submission' : `${n} submissions`}: ${action.toLowerCase()}.`,
    bulkDeleteConfirm: (n: number) =>
      n === 1 ? 'Delete 1 submission for good?' : `Delete ${n} submissions for good?`,
    actions: {
      read: 'Mark read',
      unread: 'Mark new',
      archive: 'Archive',
      unarchive: 'Move to inbox',
      spam: 'Spam',
      notSpam: 'Not spam',
      delete: 'Delete',
    },
    archived: 'Archived.',
    markedSpam: 'Marked as spam.',
    rescued: 'Moved to the inbox; its notification is on its way.',
    deleteConfirm: 'Delete this submission for good?',
    deleted: 'Submission deleted.',
    detail: {
      title: 'Submission',
      fields: 'Fields',
      sender: 'Sender',
      received: 'Received',
      form: 'Form',
      status: 'Status',
      spamReasons: 'Caught as spam because',
      notified: 'Notification sent',
      notNotified: 'No notification sent',
      ip: 'IP address',
      userAgent: 'Browser',
      member: 'Member',
      reply: 'Reply by email',
    },
    shortcutsHint: 'j/k next and previous, e archive, # delete, ! spam or not spam, x select.',
    shortcuts,
    spamReasons,
    spamReasonLabels,
  },
}
