// What the SDK's scenario tests need from a server: a scene per test, that is a server with a
// fresh site, members added as the test says, the emails it sent, what it stored, and the
// requests the SDK made, as they arrived. The real Porchlight server plays every scene
// (real-server.ts); the contact-form stand-in (forms-server.ts) plays forms scenes too, so the
// scenarios both can play prove the stand-in right before it plays the ones only it can.
import type { PageRoute } from './recording-front.ts'
import type { SeenRequest } from './server.ts'

export type Role = 'member' | 'moderator' | 'admin'

/** A member the site already has, with the password {@link memberPassword}. */
export interface NewMember {
  email: string
  /** Default: the email's local part. */
  displayName?: string
  role?: Role
  /** Whether the address was confirmed; default true. */
  verified?: boolean
}

/** The password of every member a scene adds. */
export const memberPassword = 'correct horse battery'

/** One email with a link, as the member would click it. */
export interface SentMail {
  to: string
  action: 'verify-email' | 'reset-password' | 'confirm-email-change' | 'sign-in'
  token: string
  url: string
}

/** The site's own origin: its pages call the API from here, and emailed links point here. */
export const siteOrigin = 'https://ferns.example'

/** The session cookie of a plain-HTTP deployment (over HTTPS it is `__Host-porchlight_session`). */
export const cookieName = 'porchlight_session'

/** A scene for membership and the forum. */
export interface MembersScene {
  /** Where the SDK sends requests. */
  url: string
  /** The site's publishable key; its allowed origins are `siteOrigin` and `url`'s own. */
  key: string
  /** Every request that reached the server, in order, as it went over the wire. */
  seen: SeenRequest[]
  /** A member the site already has, with {@link memberPassword}. */
  addMember(member: NewMember): Promise<{ id: string; email: string }>
  /** Ends a member's sessions behind the SDK's back, as an admin or another device would. */
  endSessions(memberId: string): Promise<void>
  /** The newest email with a link sent to `to` in this scene, once the server has sent it. */
  lastMail(to: string): Promise<SentMail | undefined>
  /** Stops serving this scene: its URL refuses connections from now on. */
  close(): Promise<void>
}

/**
 * The forms every forms scene has: `contact` and `quote` open (`contact` checks that `email` is an
 * address), `closed` disabled, and `limited` taking one submission an hour per address.
 */
export const sceneForms = ['contact', 'quote', 'closed', 'limited'] as const

/** A submission as the server stored it, with the spam filter's verdict. */
export interface StoredSubmission {
  id: string
  formId: string
  /** The form's own fields; control fields (`_altcha`, `_t`, the honeypot) are not kept. */
  fields: Record<string, unknown>
  /** Why it was taken for spam, in the server's words (`too_fast`, `honeypot`…); empty if not. */
  spamReasons: string[]
}

/** A scene for contact forms. */
export interface FormsScene {
  url: string
  key: string
  seen: SeenRequest[]
  /** What the server stored, oldest first. */
  submissions(): Promise<StoredSubmission[]>
  /**
   * Moves the server's clock (not the SDK's) by `ms`, forward or back: a visitor who took that
   * long to type, or a device whose clock is that far off.
   */
  moveClock(ms: number): void
  /**
   * Stops the server's clock where it is; from then on only `moveClock` moves it. Time a solve
   * takes on a busy machine then changes no verdict of the time trap.
   */
  stopClock(): void
  close(): Promise<void>
}

export interface SceneOptions {
  /** A browser test's pages, served from the scene's URL before the API. */
  pages?: PageRoute
  /** Membership settings the owner chose, e.g. `{ emailLinkSignIn: true }`. */
  authSettings?: Record<string, unknown>
}
