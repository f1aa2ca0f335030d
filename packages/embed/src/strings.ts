import type { ErrorCode } from '../../sdk/src/index.ts'

/**
 * Every text the embed shows or announces, in English. Names start with the feature they belong
 * to (`form…`, `auth…`, `forum…`, `notifications…`); `errors` holds messages by API error code,
 * shared by every feature. Replace any of them, for translation or tone: see {@link mergeStrings}.
 *
 * `{name}` is filled in (`{count}`, `{seconds}`…). A text with `|` has a form for one and a form
 * for other counts (`{count} post|{count} posts`), chosen by the page language's plural rules.
 * Messages about single fields (`Must be an email address.`) come from the server as they are.
 *
 * @example
 * window.PorchlightEmbedStrings = { formSent: 'Merci ! Votre message est envoyé.' }
 */
export const defaultStrings = {
  /** Announced while a form is being sent. */
  formSending: 'Sending…',
  /** Shown and announced once a form was sent; a form's `data-porchlight-success` overrides it. */
  formSent: 'Thank you! Your message has been sent.',
  /**
   * Announced when the server refused some fields, in forms and components alike; each field
   * shows the server's message.
   */
  formInvalid: 'Please correct the marked fields.',
  /** Any failure without its own entry in `errors`. */
  formFailed: 'Your message could not be sent. Please try again later.',
  /**
   * A mistake in the page's setup, in forms and components alike: its origin not allowed for
   * the key, an unknown key or form. `{message}` is the server's, which names the fix.
   */
  configurationError: 'This page is not set up correctly: {message}',

  // <porchlight-auth>
  authSignIn: 'Sign in',
  authRegister: 'Create an account',
  authForgot: 'Forgot your password?',
  authReset: 'Choose a new password',
  authEmail: 'Email',
  authPassword: 'Password',
  authNewPassword: 'New password',
  authName: 'Name',
  /** Under the name field: where it shows. */
  authNameHint: 'Shown with your posts.',
  /**
   * Under a new password, before anything is sent: the server's rules at their defaults (a site
   * that sets another `passwordMinLength` says so here).
   */
  authPasswordHint: 'At least 12 characters, and not a common password.',
  authSendLink: 'Send me a link',
  authSave: 'Save the password',
  authBack: 'Back to sign in',
  authSignedIn: 'You are signed in.',
  authSignedInAs: 'Signed in as {name}',
  authSignOut: 'Sign out',
  authSignedOut: 'You are signed out.',
  /** After registering, signed in at once (the site allows it). */
  authRegistered: 'Welcome! We sent you a link to confirm your email address.',
  /** After registering, when signing in must wait for the confirmation. */
  authCheckEmail: 'We sent you a link to confirm your email address. Open it, then sign in.',
  /** After registering where the site has passwords off: its one link confirms and signs in. */
  authSignUpSent:
    'We sent you a link to confirm your email address and sign in. Open it in this browser within 15 minutes.',
  authResetSent: 'If an account uses this address, we sent it a link to choose a new password.',
  authPasswordChanged: 'Your password is changed. Sign in with your new password.',
  authConfirming: 'Confirming your email address…',
  authConfirmed: 'Your email address is confirmed.',
  authEmailChanged: 'Your new email address is confirmed.',
  authUnverified: 'Please confirm your email address with the link we sent you.',
  authResend: 'Send the link again',
  authResent: 'We sent you a new link.',
  /** Sign-in links, where the site has them on. */
  authLinkAsk: 'Email me a sign-in link',
  authLinkSent:
    'If an account uses this address, we sent it a sign-in link. Open it in this browser within 15 minutes.',
  authLinkSigningIn: 'Signing you in…',
  /** Two-factor sign-in (TOTP): the step after the password, and enrolling. */
  authCodeHeading: 'Enter your code',
  authCode: 'Code from your authenticator app',
  authRecoveryCode: 'Recovery code',
  authUseRecovery: 'Use a recovery code instead',
  authUseCode: 'Use the app’s code instead',
  authVerify: 'Verify',
  authTotpSetup: 'Set up two-factor sign-in',
  /** Staff of a site that requires it are asked before anything else. */
  authTotpRequired: 'This site asks you to set up two-factor sign-in before going on.',
  authTotpScan:
    'Scan the QR code with an authenticator app, or type in the key below. Then enter the code it shows.',
  authTotpQr: 'QR code of the key for your authenticator app',
  authTotpKey: 'Key',
  authTotpOn: 'Two-factor sign-in is on.',
  authContinueWith: 'Continue with {name}',
  authLink: 'Link {name}',
  authUnlink: 'Unlink {name}',
  authTotpCodes:
    'Save these recovery codes somewhere safe. Each one signs you in once without your phone, and they are shown only now.',
  authDone: 'Done',
  /** Passkeys, where the site has them on. */
  authPasskeySignIn: 'Sign in with a passkey',
  authPasskeys: 'Passkeys',
  authPasskeyAdd: 'Add a passkey',
  authPasskeyName: 'Name',
  authPasskeySave: 'Save',
  authPasskeyRemove: 'Remove',

  // <porchlight-forum>
  /** The list's heading until the category's own name is known. */
  forumThreads: 'Discussions',
  forumLoading: 'Loading…',
  forumEmpty: 'No threads yet. Start the first one!',
  forumNewThread: 'Start a thread',
  forumTitle: 'Title',
  forumMessage: 'Message',
  forumYourReply: 'Your reply',
  /** Under the message field. */
  forumMarkdown: 'Markdown works: **bold**, _italic_, [links](https://example.com), > quotes.',
  forumPreview: 'Preview',
  forumNothingToPreview: 'Nothing to preview yet.',
  forumPublish: 'Publish',
  forumCancel: 'Cancel',
  forumPublished: 'Published.',
  forumLoadMore: 'Load more',
  forumBack: 'All threads',
  forumBy: 'by {name}',
  forumPostCount: '{count} post|{count} posts',
  forumNewPosts: '{count} new post|{count} new posts',
  forumDeletedMember: 'deleted member',
  forumEdited: 'edited',
  forumPinned: 'Pinned',
  forumLocked: 'Locked',
  forumHidden: 'Hidden',
  forumLockedNote: 'This thread is locked: only moderators can reply.',
  forumSignInToPost: 'Sign in to take part.',
  /** In place of the composer, for a member whose address is not confirmed yet. */
  forumConfirmToPost: 'Confirm your email address to take part: open the link we sent you.',
  forumLike: 'Like',
  forumLikes: '{count} like|{count} likes',
  forumReply: 'Reply',
  forumReplyingTo: 'Replying to #{number} by {name}',
  forumFlag: 'Flag',
  forumFlagWhy: 'Why should the moderators look at this post?',
  forumFlagSpam: 'Spam',
  forumFlagAbuse: 'Abusive',
  forumFlagOffTopic: 'Off topic',
  forumFlagOther: 'Something else',
  forumFlagNote: 'Note for the moderators (optional)',
  forumFlagSend: 'Send to the moderators',
  forumFlagged: 'Thank you: the moderators will look at it.',
  forumWatch: 'Notify me of',
  forumWatchWatching: 'every reply',
  forumWatchNormal: 'replies to me and mentions',
  forumWatchMuted: 'nothing',
  forumSaved: 'Saved.',
  forumHide: 'Hide',
  forumUnhide: 'Show again',
  forumHideReason: 'Reason (the author is told)',
  forumHidePost: 'Hide the post',
  forumHiddenBecause: 'Hidden: {reason}',
  forumPin: 'Pin',
  forumUnpin: 'Unpin',
  forumLock: 'Lock',
  forumUnlock: 'Unlock',

  // <porchlight-notifications>
  notificationsTitle: 'Notifications',
  /** The bell's name for screen readers, with the count. */
  notificationsUnread: 'Notifications, {count} unread',
  notificationsEmpty: 'Nothing yet.',
  notificationsLoading: 'Loading…',
  notificationsMarkAllRead: 'Mark all as read',
  /** Who did it, when they are no longer known. */
  notificationsSomeone: 'Someone',
  notificationsReply: '{actor} replied in {thread}',
  notificationsMention: '{actor} mentioned you in {thread}',
  notificationsQuote: '{actor} quoted you in {thread}',
  notificationsLike: '{actor} liked your post in {thread}',
  notificationsModeration: 'A moderator acted on your post in {thread}',

  /**
   * By error code (`PorchlightError.code`), for every feature. A code without an entry shows
   * `formFailed` in a form and the server's own message in a component. Keys are checked
   * against the SDK's `ErrorCode`: one the server never sends fails to compile.
   */
  errors: {
    NETWORK_ERROR: 'The server could not be reached. Check your connection and try again.',
    TIMEOUT: 'The server took too long to answer. Please try again.',
    RATE_LIMITED: 'Too many attempts from here. Please wait a moment and try again.',
    FORM_DISABLED: 'This form is closed at the moment.',
    INVALID_CREDENTIALS: 'That email and password do not match an account.',
    EMAIL_NOT_VERIFIED: 'Please confirm your email address first, with the link we sent you.',
    ACCOUNT_SUSPENDED: 'Your account is suspended for now.',
    INVALID_TOKEN: 'This link has expired or was already used.',
    INVALID_TOTP_CODE: 'That code is not right, or this sign-in expired. Try the current code.',
    SIGN_IN_LINK_OTHER_BROWSER:
      'Open this link in the browser where you asked for it, or ask for a new link here.',
    SIGN_IN_REQUIRED: 'Please sign in first.',
    INVALID_SESSION: 'You were signed out. Please sign in again.',
    FORBIDDEN: 'You are not allowed to do that.',
    THREAD_LOCKED: 'This thread is locked.',
    THREAD_NOT_FOUND: 'This thread does not exist, or is not open to you.',
    CATEGORY_NOT_FOUND: 'These discussions do not exist, or are not open to you.',
    ALREADY_FLAGGED: 'You already flagged this post.',
    SLOW_MODE: 'Slow mode is on in this thread: you can post again in {seconds} seconds.',
    NEW_MEMBER_LIMIT:
      'New members can post a few times on their first day. Please try again later.',
  } satisfies { [Code in ErrorCode]?: string } as Record<string, string>,
}

/**
 * The strings in use: {@link defaultStrings} with the page's changes.
 *
 * @example
 * const sent: string = Porchlight.strings.formSent
 */
export type EmbedStrings = typeof defaultStrings

/**
 * Changes to some strings: any top-level entries, and any entries of `errors`.
 *
 * @example
 * const german: StringOverrides = { formSending: 'Wird gesendet…', errors: { TIMEOUT: '…' } }
 */
export type StringOverrides = Partial<Omit<EmbedStrings, 'errors'>> & {
  /** By code: any of the SDK's `ErrorCode`s, or one a newer server sends. */
  errors?: { [Code in ErrorCode]?: string } & Record<string, string>
}

/**
 * Applies `changes` over `base`: entries given replace those of `base`, `errors` entry by entry;
 * anything that is not a string is ignored, so a typo cannot blank a message.
 *
 * @throws Nothing.
 * @example
 * mergeStrings(defaultStrings, { errors: { RATE_LIMITED: 'Slow down.' } }).errors.TIMEOUT // unchanged
 */
export function mergeStrings(base: EmbedStrings, changes: StringOverrides = {}): EmbedStrings {
  const strings = (entries: object) =>
    Object.fromEntries(Object.entries(entries).filter(([, value]) => typeof value === 'string'))
  return {
    ...base,
    ...strings(changes),
    errors: { ...base.errors, ...strings(changes.errors ?? {}) },
  }
}

/**
 * Fills `{name}` placeholders from `values` (left as they are when missing). Given a `count`, a
 * text `one|other` gives its first form where the page language says "one" (1 in English), else
 * its last; without one, `|` is only a character.
 *
 * @throws Nothing.
 * @example
 * format('{count} post|{count} posts', { count: 2 }) // '2 posts'
 */
export function format(text: string, values: Record<string, unknown> = {}): string {
  const { count } = values
  const forms = count === undefined ? [text] : text.split('|')
  const one =
    typeof count === 'number' &&
    new Intl.PluralRules(globalThis.document?.documentElement.lang || undefined).select(count) ===
      'one'
  return ((one ? forms[0] : forms.at(-1)) as string).replace(/\{(\w+)\}/g, (slot, name) =>
    values[name] == null ? slot : String(values[name]),
  )
}
