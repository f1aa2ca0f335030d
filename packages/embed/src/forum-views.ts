// The markup of <porchlight-forum>'s views, from its state. Every value goes through `html`,
// which escapes it; only `post.html` and the preview, rendered and sanitised by the server, are
// inserted as markup (`raw`).
import type { Post, Thread } from '../../sdk/src/forum.ts'
import { button, time } from './element.ts'
import type { PorchlightForum } from './forum-element.ts'
import { type Html, html, raw } from './html.ts'
import { type EmbedStrings, format } from './strings.ts'

const quiet = html`class="q"`

const badges = (s: EmbedStrings, thread: Thread) =>
  (
    [
      [thread.pinned, s.forumPinned],
      [thread.locked, s.forumLocked],
      [thread.hidden, s.forumHidden],
    ] as const
  ).map(([on, label]) => on && html`<span class="badge" part="badge">${label}</span>`)

/** "Loading…" until the first answer; nothing when loading failed (the status line says why). */
const loading = (forum: PorchlightForum) =>
  !forum.failed && html`<p class="muted">${forum.s.forumLoading}</p>`

/**
 * In place of the composer for a member the server would refuse: why, and for an address to
 * confirm, a button that sends the link again.
 */
function refused(forum: PorchlightForum): Html {
  const { s, refused: code } = forum
  return code === 'EMAIL_NOT_VERIFIED'
    ? html`<div class="panel row" part="refused"><p>${s.forumConfirmToPost}</p>${button('resend', s.authResend, '', quiet)}</div>`
    : html`<p class="panel" part="refused">${s.errors[code] ?? code}</p>`
}

function signIn(forum: PorchlightForum): Html {
  const href = forum.getAttribute('signin-href')
  const text = forum.s.forumSignInToPost
  return html`<p>${href ? html`<a href="${href}">${text}</a>` : text}</p>`
}

/**
 * The category's threads, with the new-thread form for members.
 *
 * @throws Nothing.
 * @example
 * render(root, view, listView(forum))
 */
export function listView(forum: PorchlightForum): Html {
  const { s, category, threads } = forum
  const user = forum.client.auth.user
  const canStart = user && (category?.threadAccess !== 'moderators' || forum.moderator)
  return html`<h2 tabindex="-1" part="heading">${category?.name ?? s.forumThreads}</h2>
${category?.description && html`<p class="muted">${category.description}</p>`}
${
  canStart
    ? forum.refused
      ? refused(forum)
      : forum.composing
        ? composer(forum, 'create')
        : html`<p>${button('compose', s.forumNewThread)}</p>`
    : !user && signIn(forum)
}
${
  threads?.length
    ? html`<ul class="threads" part="threads">${threads.map(
        (thread) =>
          html`<li part="thread"><a href="#thread-${thread.id}">${thread.title}</a>${badges(s, thread)}<br><small>${format(
            s.forumBy,
            { name: thread.author?.displayName ?? s.forumDeletedMember },
          )} · ${format(s.forumPostCount, { count: thread.postCount })} · ${time(thread.lastActivityAt)}</small></li>`,
      )}</ul>`
    : threads
      ? html`<p>${s.forumEmpty}</p>`
      : loading(forum)
}
${forum.nextThreads && button('more', s.forumLoadMore, 'threads', quiet)}`
}

/**
 * One thread: its posts, the watch level and moderators' tools, and the reply form.
 *
 * @throws Nothing.
 * @example
 * render(root, view, threadView(forum))
 */
export function threadView(forum: PorchlightForum): Html {
  const { s, thread, moderator } = forum
  const back = html`<p><a href="#" part="back">← ${s.forumBack}</a></p>`
  if (!thread) return html`${back}${loading(forum)}`
  const user = forum.client.auth.user
  const levels = [
    ['watching', s.forumWatchWatching],
    ['normal', s.forumWatchNormal],
    ['muted', s.forumWatchMuted],
  ]
  return html`${back}<h2 tabindex="-1" part="heading">${thread.title}${badges(s, thread)}</h2>
<div class="row tools" part="tools">${
    user &&
    html`<label class="row">${s.forumWatch}<select id="watch" data-action="watch">${levels.map(
      ([value, label]) =>
        html`<option value="${value}" ${forum.level === value && 'selected'}>${label}</option>`,
    )}</select></label>`
  }${
    moderator && [
      button(thread.pinned ? 'unpin' : 'pin', thread.pinned ? s.forumUnpin : s.forumPin, '', quiet),
      button(
        thread.locked ? 'unlock' : 'lock',
        thread.locked ? s.forumUnlock : s.forumLock,
        '',
        quiet,
      ),
    ]
  }</div>
<div part="posts">${forum.pages.flatMap((page) => page.items).map((p) => post(forum, p))}</div>
${forum.pages.at(-1)?.hasMore && button('more', s.forumLoadMore, 'posts', quiet)}
${thread.locked && html`<p class="muted">${s.forumLockedNote}</p>`}
${(!thread.locked || moderator) && (user ? (forum.refused ? refused(forum) : composer(forum, 'reply')) : signIn(forum))}`
}

function post(forum: PorchlightForum, p: Post): Html {
  const { s, moderator, panel } = forum
  // Liking, replying and flagging are writing: not for a member the server would refuse.
  const user = !forum.refused && forum.client.auth.user
  const mine = user && p.author?.id === user.id
  // Deleted posts, and hidden ones for all but moderators, show only their placeholder.
  const shown = !p.deleted && (!p.hidden || moderator)
  const expanded = (kind: string) => html`aria-expanded="${String(panel === `${kind}-${p.id}`)}"`
  return html`<article part="post" id="p-${p.id}" tabindex="-1" class="${p.hidden && 'hidden'}" aria-labelledby="h-${p.id}">
<header class="row" id="h-${p.id}"><strong>${p.author?.displayName ?? s.forumDeletedMember}</strong><small>#${p.number} · ${time(p.createdAt)}${p.edited && ` · ${s.forumEdited}`}</small>${
    p.hidden &&
    html`<span class="badge">${moderator && p.hiddenReason ? format(s.forumHiddenBecause, { reason: p.hiddenReason }) : s.forumHidden}</span>`
  }</header>
<div class="body" part="post-body">${raw(p.html)}</div>
${
  shown &&
  html`<div class="row actions" part="actions">${
    user && !mine
      ? button(
          'like',
          html`${s.forumLike}${p.likeCount > 0 && ` · ${p.likeCount}`}`,
          p.id,
          html`aria-pressed="${String(!!p.liked)}"`,
        )
      : p.likeCount > 0 && html`<small>${format(s.forumLikes, { count: p.likeCount })}</small>`
  }${user && (!forum.thread?.locked || moderator) && button('reply-to', s.forumReply, p.id)}${
    user && !mine && button('flag', s.forumFlag, p.id, expanded('flag'))
  }${
    moderator &&
    (p.hidden
      ? button('unhide', s.forumUnhide, p.id)
      : button('hide', s.forumHide, p.id, expanded('hide')))
  }</div>`
}
${panel === `flag-${p.id}` && flagForm(forum, p)}${panel === `hide-${p.id}` && hideForm(forum, p)}
</article>`
}

function flagForm(forum: PorchlightForum, p: Post): Html {
  const { s, values } = forum
  const reasons = [
    ['spam', s.forumFlagSpam],
    ['abuse', s.forumFlagAbuse],
    ['off_topic', s.forumFlagOffTopic],
    ['other', s.forumFlagOther],
  ]
  return html`<form data-action="flag" data-id="${p.id}" class="panel" part="panel"><fieldset><legend>${s.forumFlagWhy}</legend>${reasons.map(
    ([value, label]) =>
      html`<label class="check"><input type="radio" id="reason-${value}" name="reason" value="${value}" ${(values.reason || 'spam') === value && 'checked'}>${label}</label>`,
  )}</fieldset><label>${s.forumFlagNote}<input id="note" name="note" maxlength="500" value="${values.note ?? ''}"></label><p class="row"><button>${s.forumFlagSend}</button>${button('close', s.forumCancel, p.id, quiet)}</p></form>`
}

function hideForm(forum: PorchlightForum, p: Post): Html {
  const { s, values } = forum
  return html`<form data-action="hide" data-id="${p.id}" class="panel" part="panel"><label>${s.forumHideReason}<input id="reason" name="reason" required maxlength="500" value="${values.reason ?? ''}"></label><p class="row"><button>${s.forumHidePost}</button>${button('close', s.forumCancel, p.id, quiet)}</p></form>`
}

/** The new-thread or reply form, with its preview. */
function composer(forum: PorchlightForum, action: 'create' | 'reply'): Html {
  const { s, values, preview, replyTo } = forum
  const previewing = preview !== undefined
  return html`<form data-action="${action}" class="panel" part="composer">${
    action === 'create'
      ? html`<label>${s.forumTitle}<input id="title" name="title" required maxlength="300" value="${values.title ?? ''}"></label>`
      : replyTo &&
        html`<p class="row">${format(s.forumReplyingTo, {
          number: replyTo.number,
          name: replyTo.author?.displayName ?? s.forumDeletedMember,
        })}${button('unreply', s.forumCancel, '', html`class="link"`)}</p>`
  }<label ${previewing && 'hidden'}>${action === 'create' ? s.forumMessage : s.forumYourReply}<textarea id="body" name="body" aria-describedby="body-hint">${values.body ?? ''}</textarea></label>${
    previewing &&
    html`<div class="body preview" part="preview">${preview ? raw(preview) : html`<p class="muted">${s.forumNothingToPreview}</p>`}</div>`
  }<small id="body-hint">${s.forumMarkdown}</small><p class="row"><button part="button">${s.forumPublish}</button>${button(
    'preview',
    s.forumPreview,
    '',
    html`class="q" aria-pressed="${String(previewing)}"`,
  )}${action === 'create' && button('compose', s.forumCancel, '', quiet)}</p></form>`
}
