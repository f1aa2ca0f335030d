import type { EmailPayload } from '../mail/job.ts'
import { renderKeyValueEmail } from '../mail/message.ts'
import { forumUrls } from './posting.ts'
import type { ForumSettings } from './settings.ts'
import { type UnsubscribeSubject, unsubscribeToken } from './unsubscribe.ts'

// The one email a member gets about a thread per quiet period: what was posted, by whom, why it
// reached them, and two ways out (this thread, everything), one of them one-click (RFC 8058).

export type DigestItem = {
  kind: 'reply' | 'mention' | 'quote'
  direct: boolean
  postId: string
  postNumber: number
  authorName: string | null
  body: string
}

export type DigestEmailInput = {
  to: string
  memberId: string
  memberName: string
  /** Whether the member watches the thread (their email says why they got it). */
  watching: boolean
  site: { id: string; name: string; signingSecret: string; origin: string | null }
  thread: { id: string; title: string }
  settings: ForumSettings
  publicUrl: string
  items: readonly DigestItem[]
}

/** Posts listed in one email; the intro still counts them all. */
const MAX_LISTED = 20
const EXCERPT_CHARS = 280

function excerpt(body: string) {
  const flat = body.replace(/\s+/g, ' ').trim()
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS - 1).trimEnd()}…` : flat
}

function why(item: DigestItem) {
  if (item.kind === 'mention') return ' mentioned you'
  if (item.kind === 'quote') return ' quoted you'
  return item.direct ? ' replied to you' : ''
}

/**
 * The email, ready for the `email` job handler. Links go to the site: the post URL template
 * when the site set one, else the site's own origin, else this server's PUBLIC_URL.
 */
export function renderDigestEmail(input: DigestEmailInput): EmailPayload {
  const { site, thread, items } = input
  const postUrl = (id: string) =>
    input.settings.postUrlTemplate ? forumUrls(input.settings).post(id) : null
  const home = site.origin ?? input.publicUrl
  const unsubscribeUrl = (scope: UnsubscribeSubject['scope']) =>
    `${input.publicUrl}/v1/notifications/unsubscribe?token=${unsubscribeToken(site.signingSecret, {
      siteId: site.id,
      memberId: input.memberId,
      scope,
    })}`
  const threadOff = unsubscribeUrl(`thread:${thread.id}`)
  const allOff = unsubscribeUrl('all')
  const first = items[0]
  const count = items.length
  const { text, html } = renderKeyValueEmail({
    title: `New replies in ${thread.title}`,
    intro: `Hi ${input.memberName},\n\n${
      count === 1 ? 'There is a new post' : `There are ${count} new posts`
    } in “${thread.title}” on ${site.name}.`,
    rows: items.slice(0, MAX_LISTED).map((item): [string, string] => {
      const url = postUrl(item.postId)
      return [
        `${item.authorName ?? 'A former member'}${why(item)} · #${item.postNumber}`,
        url ? `${excerpt(item.body)}\n${url}` : excerpt(item.body),
      ]
    }),
    action: { label: 'Read the thread', url: (first && postUrl(first.postId)) ?? home },
    footer: [
      input.watching
        ? 'You get this email because you watch this thread.'
        : 'You get this email because someone mentioned, quoted or replied to you.',
      `Stop emails about this thread: ${threadOff}`,
      `Stop all discussion emails from ${site.name}: ${allOff}`,
    ].join('\n'),
  })
  // One-click applies to the list this email belongs to: the thread for a watcher; for someone
  // who does not watch it, only "everything" actually stops the next such email.
  const oneClick = input.watching ? threadOff : allOff
  return {
    to: [input.to],
    subject: `New replies in ${thread.title}`,
    text,
    html,
    headers: {
      'List-Unsubscribe': `<${oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}
