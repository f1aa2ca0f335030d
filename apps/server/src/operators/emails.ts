import { emailJob } from '../mail/job.ts'
import { renderKeyValueEmail } from '../mail/message.ts'
import type { EnqueueOptions } from '../outbox/jobs.ts'
import type { OperatorRole } from './roles.ts'

const roleInWords: Record<OperatorRole, string> = {
  owner: 'an owner (everything, keys and operators included)',
  editor: 'an editor (forms, inbox, moderation, members and settings)',
  moderator: 'a moderator (the inbox and moderation)',
  viewer: 'a viewer (reading only)',
}

/** The invite to a site's console, queued in the same batch as the invite it carries. */
export function operatorInviteMail(input: {
  to: string
  siteName: string
  role: OperatorRole
  invitedBy: string
  url: string
}): EnqueueOptions {
  return emailJob({
    to: [input.to],
    subject: `You are invited to manage ${input.siteName}`,
    ...renderKeyValueEmail({
      title: `Manage ${input.siteName} with Porchlight`,
      intro: `${input.invitedBy} invited you to the console of ${input.siteName} as ${roleInWords[input.role]}. Accept within 7 days; the link works once.`,
      action: { label: 'Accept the invite', url: input.url },
      footer: `${input.siteName}. If you did not expect this, ignore this email: nothing happens without a click.`,
    }),
  })
}
