import type { KeyValueStorage } from './storage.ts'

/**
 * Where the key is kept: one name for every flow, so a sign-in link, a registration without a
 * password and a "Sign in with …" all bind to the same key.
 */
const keyName = 'porchlight:browser-key'

/**
 * This browser's key for the flows that finish where they started (sign-in links, registration
 * without a password, "Sign in with …"): the server stores only its hash with the link or
 * grant, and redeems it only with the key, so a link or grant an attacker got for their own
 * account cannot sign this browser in (login CSRF), and a forwarded link does nothing elsewhere.
 * Made once and kept in `storage`, the client's (beside the session token, which is worth more
 * to whoever can read it), and reused by every flow: a new key per flow would replace the last
 * one, and a link asked for in another tab would then fail. 160 random bits in base64, the
 * shortest way to write them here (this code ships in the script tag). Internal.
 *
 * @throws Whatever the storage throws (say, a full `localStorage`): the flow cannot finish
 *   without a kept key, so it fails before anything is sent.
 * @example
 * const body = { email, browserKey: await browserKey(session.storage) }
 */
export async function browserKey(storage: KeyValueStorage): Promise<string> {
  let key = await storage.get(keyName)
  if (!key) {
    key = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(20))))
    await storage.set(keyName, key)
  }
  return key
}
