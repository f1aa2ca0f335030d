export {
  type Account,
  type AccountExport,
  type Auth,
  type CurrentSession,
  createAuth,
  type EmailLink,
  type MemberSession,
  type ProfileChanges,
  type Registration,
  type SignInMethods,
} from './auth.ts'
export { type Client, createClient, type SiteInfo } from './client.ts'
export {
  type ContactForm,
  type ContactFormData,
  createContactForm,
  type Submission,
} from './contact.ts'
export {
  type CallOptions,
  type ConnectionOptions,
  createRequest,
  type RequestFunction,
  type RequestOptions,
} from './core.ts'
export type { ClientErrorCode, ErrorCode, ServerErrorCode } from './error-codes.ts'
export {
  isConfigurationError,
  isPorchlightError,
  PorchlightError,
  type PorchlightErrorInit,
} from './errors.ts'
export {
  type Author,
  type Category,
  createForum,
  type Flag,
  type FlagReason,
  type Forum,
  type Page,
  type PageOptions,
  type Post,
  type PostPage,
  type SearchResult,
  type Thread,
  type WatchLevel,
} from './forum.ts'
export {
  createModeration,
  type FlagDecision,
  type FlaggedPost,
  type Moderation,
  type ModerationLogEntry,
} from './moderation.ts'
export {
  createNotifications,
  type Notification,
  type NotificationPreferences,
  type Notifications,
} from './notifications.ts'
export { createOAuth, type LinkedIdentity, type OAuth, type OAuthResult } from './oauth.ts'
export { createPasskeys, type Passkey, type Passkeys } from './passkeys.ts'
export type {
  AbortSignalLike,
  Fetch,
  FetchResponse,
  FormElement,
  WebStorageLike,
} from './runtime-types.ts'
export type {
  ClientOptions,
  Connection,
  SavedSession,
  SessionListener,
  SessionStore,
} from './session.ts'
export { type KeyValueStorage, memoryStorage, webStorage } from './storage.ts'
export type { Totp, TotpSetup, TotpStatus } from './totp.ts'
