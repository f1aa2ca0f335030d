import { isPorchlightError } from '@porchlight/sdk'
import { client } from './porchlight.ts'

const { auth, notifications } = client

/** The signed-in member's unread notifications count (replies, mentions, likes, moderation). */
export function mountUnreadCount(container: HTMLElement): void {
  const badge = container.querySelector('.badge') as HTMLElement
  const markRead = container.querySelector('button') as HTMLButtonElement

  async function refresh() {
    container.hidden = auth.user === null
    if (auth.user === null) return
    try {
      const count = await notifications.unreadCount()
      badge.textContent = `${count} unread ${count === 1 ? 'notification' : 'notifications'}`
      markRead.hidden = count === 0
    } catch (error) {
      // A session that ended (INVALID_SESSION) has already signed the member out, and onChange
      // hides this; a network error is simply tried again at the next refresh.
      if (!isPorchlightError(error)) throw error
    }
  }

  markRead.addEventListener('click', () => {
    // No ids: every notification. Worked or not, show the count the server now has.
    notifications.markRead().then(refresh, refresh)
  })
  auth.onChange(() => void refresh())
  // Nothing is pushed to the page: ask again every minute. It is one small request.
  setInterval(refresh, 60_000)
  void refresh()
}
