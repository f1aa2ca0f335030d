import { ApiError } from '../http/errors.ts'

/** Forum error codes; stable, the SDK and the embed rely on them. */
export const ForumErrors = {
  categoryNotFound: () => new ApiError(404, 'CATEGORY_NOT_FOUND', 'No such category.'),
  categoryExists: () =>
    new ApiError(409, 'CATEGORY_EXISTS', 'A category with that slug already exists.'),
  threadNotFound: () => new ApiError(404, 'THREAD_NOT_FOUND', 'No such thread.'),
  postNotFound: () => new ApiError(404, 'POST_NOT_FOUND', 'No such post.'),
  signInRequired: () => new ApiError(401, 'SIGN_IN_REQUIRED', 'Sign in to do this.'),
  emailNotVerified: () =>
    new ApiError(403, 'EMAIL_NOT_VERIFIED', 'Confirm your email address before posting.'),
  suspended: (until: number | null) =>
    new ApiError(
      403,
      'ACCOUNT_SUSPENDED',
      until
        ? `Your account is suspended until ${new Date(until).toISOString()}.`
        : 'Your account is suspended.',
    ),
  forbidden: () => new ApiError(403, 'FORBIDDEN', 'You may not do that here.'),
  threadLocked: () =>
    new ApiError(403, 'THREAD_LOCKED', 'This thread is locked: it takes no new posts.'),
  editWindowClosed: () =>
    new ApiError(
      403,
      'EDIT_WINDOW_CLOSED',
      'Posts can no longer be edited this long after posting.',
    ),
  postDeleted: () => new ApiError(409, 'POST_DELETED', 'This post was deleted.'),
  slowMode: (retryAfterSeconds: number) =>
    new ApiError(429, 'SLOW_MODE', 'This thread is in slow mode: wait before posting again.', {
      headers: { 'Retry-After': String(retryAfterSeconds) },
    }),
  newMemberPostLimit: (retryAfterSeconds: number) =>
    new ApiError(
      429,
      'NEW_MEMBER_LIMIT',
      'New members can post only a few times on their first day. Try again later.',
      { headers: { 'Retry-After': String(retryAfterSeconds) } },
    ),
  tooManyLinks: (max: number) =>
    new ApiError(422, 'VALIDATION_FAILED', 'Some fields are invalid.', {
      fields: { body: `New members may include at most ${max} link(s) per post.` },
    }),
  cannotLikeOwnPost: () => new ApiError(403, 'OWN_POST', 'You cannot like or flag your own post.'),
  postHidden: () =>
    new ApiError(
      409,
      'POST_HIDDEN',
      'A moderator hid this post; it cannot be changed until reviewed.',
    ),
  alreadyFlagged: () => new ApiError(409, 'ALREADY_FLAGGED', 'You already flagged this post.'),
  noOpenFlags: () => new ApiError(409, 'NO_OPEN_FLAGS', 'This post has no open flags to resolve.'),
  categoryNotEmpty: () =>
    new ApiError(409, 'CATEGORY_NOT_EMPTY', 'Move or delete the threads in this category first.'),
  memberNotFound: () =>
    new ApiError(404, 'MEMBER_NOT_FOUND', 'This site has no member with that id.'),
  memberBanned: () =>
    new ApiError(
      409,
      'MEMBER_BANNED',
      'This member is banned; a suspension would not change that.',
    ),
  ownAccount: () => new ApiError(403, 'OWN_ACCOUNT', 'You cannot do this to your own account.'),
  outranked: () =>
    new ApiError(
      403,
      'FORBIDDEN',
      'Moderators may suspend members only, admins also moderators; admins answer to the site owner.',
    ),
  invalidUnsubscribeToken: () =>
    new ApiError(
      400,
      'INVALID_TOKEN',
      'This unsubscribe link is not valid. Use the link from the email.',
    ),
} as const
