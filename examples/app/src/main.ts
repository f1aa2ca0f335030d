import { mountAccount } from './account.ts'
import { mountContactForm } from './contact.ts'
import { mountDiscussions } from './discussions.ts'
import { mountUnreadCount } from './notifications.ts'
import { configured } from './porchlight.ts'

const byId = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T

if (configured) {
  mountContactForm(byId('contact-form'))
  mountAccount(byId('account'), byId('account-summary'))
  mountDiscussions(byId('discussions'), byId('discussions-status'))
  mountUnreadCount(byId('unread'))
} else {
  byId('setup-needed').hidden = false
  document.querySelector('main')?.setAttribute('hidden', '')
}
