import type { Notification } from '../../sdk/src/notifications.ts'
import { button, PorchlightElement, time } from './element.ts'
import { type Html, html } from './html.ts'
import { format } from './strings.ts'

const bell = html`<svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20"><path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6v-5a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"/></svg>`

/**
 * `<porchlight-notifications>`: for a signed-in member, a bell with the unread count (asked
 * again every minute and when the page regains focus) that opens the list of notifications.
 * Choosing one marks it read and goes to its thread; "Mark all as read" clears the count.
 * Escape or a click elsewhere closes the list. Signed out, it shows nothing.
 *
 * Attributes: `href`, where a notification leads, with `{thread}`, `{post}` and `{number}` filled
 * in (default `#thread-{thread}`, the thread in a `<porchlight-forum>` on the same page);
 * `poll` (seconds between counts, default 60); `theme="light|dark"`.
 *
 * @example
 * // <porchlight-notifications href="/forum.html#thread-{thread}"></porchlight-notifications>
 */
export class PorchlightNotifications extends PorchlightElement {
  #count = 0
  #open = false
  /** The list while open; `undefined` while loading, `null` when it could not be. */
  #items?: Notification[] | null

  protected start(): void {
    this.listen(window, 'focus', () => void this.#refresh())
    this.listen(document, 'click', (event) => {
      if (this.#open && !event.composedPath().includes(this)) this.#toggle(false)
    })
    this.listen(this.root, 'keydown', (event) => {
      if ((event as KeyboardEvent).key !== 'Escape' || !this.#open) return
      this.#toggle(false)
      this.focusOn('#bell')
    })
    this.every(60, () => void this.#refresh())
    void this.#refresh()
  }

  protected override signedIn(): void {
    this.#open = false
    this.#count = 0
    void this.#refresh()
  }

  async #refresh() {
    if (this.client.auth.user) {
      try {
        this.#count = await this.client.notifications.unreadCount()
      } catch {} // the next poll tries again
    }
    this.update()
  }

  async #toggle(open = !this.#open) {
    this.#open = open
    this.#items = undefined
    this.update()
    if (!open) return
    try {
      this.#items = (await this.client.notifications.list()).items
    } catch (error) {
      this.#items = null
      // Said in the list itself: beside the bell, the status line is for screen readers only.
      this.fail(error, this.root.querySelector<HTMLElement>('#menu') ?? undefined)
      return
    }
    this.update()
  }

  protected act(action: string, target: HTMLElement, event: Event): void {
    const { notifications } = this.client
    if (action === 'toggle') void this.#toggle()
    if (action === 'read') {
      void this.run(async () => {
        await notifications.markRead()
        for (const item of this.#items ?? []) item.read = true
        this.#count = 0
        this.update()
      }, target)
    }
    const click = event as MouseEvent
    // A notification: marked read, then followed. Opened in a new tab, it is only followed.
    if (action === 'go' && !(click.ctrlKey || click.metaKey || click.shiftKey || click.button)) {
      event.preventDefault()
      const { href } = target as HTMLAnchorElement
      void notifications
        .markRead([target.dataset.id ?? ''])
        .catch(() => {})
        .then(() => {
          void this.#toggle(false)
          void this.#refresh()
          location.assign(href)
        })
    }
  }

  #item(n: Notification): Html {
    const s = this.s
    const text = format(
      {
        reply: s.notificationsReply,
        mention: s.notificationsMention,
        quote: s.notificationsQuote,
        like: s.notificationsLike,
        moderation: s.notificationsModeration,
      }[n.kind] ?? s.notificationsReply,
      { actor: n.actor?.displayName ?? s.notificationsSomeone, thread: n.threadTitle ?? '' },
    )
    const values: Record<string, unknown> = {
      thread: n.threadId,
      post: n.postId,
      number: n.postNumber,
    }
    const href =
      n.threadId &&
      (this.getAttribute('href') ?? '#thread-{thread}').replace(/\{(\w+)\}/g, (_, name) =>
        encodeURIComponent(String(values[name] ?? '')),
      )
    return html`<li part="notification" class="${!n.read && 'unread'}">${
      href ? html`<a href="${href}" data-action="go" data-id="${n.id}">${text}</a>` : text
    }<small>${time(n.createdAt)}</small></li>`
  }

  protected template(): Html {
    const s = this.s
    if (!this.client.auth.user) return html``
    const count = this.#count
    const open = this.#open
    const items = this.#items
    return html`<button type="button" id="bell" class="bell" part="bell" data-action="toggle" aria-expanded="${String(open)}" aria-controls="menu" aria-label="${format(s.notificationsUnread, { count })}">${bell}${
      count > 0 && html`<span class="count" part="badge">${count > 99 ? '99+' : count}</span>`
    }</button>${
      open &&
      html`<div id="menu" class="menu" part="menu" role="region" aria-labelledby="menu-title"><div class="row between"><h2 id="menu-title" part="heading">${s.notificationsTitle}</h2>${
        count > 0 && button('read', s.notificationsMarkAllRead, '', html`class="link"`)
      }</div>${
        items?.length
          ? html`<ul>${items.map((n) => this.#item(n))}</ul>`
          : items
            ? html`<p class="muted">${s.notificationsEmpty}</p>`
            : items === undefined && html`<p class="muted">${s.notificationsLoading}</p>`
      }</div>`
    }`
  }
}
