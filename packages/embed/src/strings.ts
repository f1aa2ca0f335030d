/**
 * Every text the embed shows or announces, in English. Names start with the feature they belong
 * to (`form…`; sign-in and discussions add theirs); `errors` holds messages by API error code,
 * shared by every feature. Replace any of them, for translation or tone: see {@link mergeStrings}.
 *
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
  /** Announced when the server refused some fields; each field shows the server's message. */
  formInvalid: 'Please correct the marked fields.',
  /** Any failure without its own entry in `errors`. */
  formFailed: 'Your message could not be sent. Please try again later.',
  /** By error code (`PorchlightError.code`). */
  errors: {
    NETWORK_ERROR: 'The server could not be reached. Check your connection and try again.',
    TIMEOUT: 'The server took too long to answer. Please try again.',
    RATE_LIMITED: 'Too many messages were sent from here. Please try again later.',
    FORM_DISABLED: 'This form is closed at the moment.',
  } as Record<string, string>,
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
  errors?: Record<string, string>
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
