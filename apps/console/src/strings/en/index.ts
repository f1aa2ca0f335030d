import { auth } from './auth.ts'
import { common } from './common.ts'
import { deliveries } from './deliveries.ts'
import { forms } from './forms.ts'
import { inbox } from './inbox.ts'
import { members } from './members.ts'
import { moderation } from './moderation.ts'
import { overview } from './overview.ts'
import { settings } from './settings.ts'
import { signInProviders } from './sign-in-providers.ts'

/** The console in English. */
export const en = {
  ...common,
  ...auth,
  ...overview,
  ...inbox,
  ...forms,
  ...members,
  ...moderation,
  ...deliveries,
  ...settings,
  ...signInProviders,
}
