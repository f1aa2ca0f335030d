/**
 * A strong validator for a file the server hands out as it is: the first 128 bits of the
 * content's SHA-256, in hex. The same content gets the same tag on every instance and runtime,
 * so a client's cached copy stays valid across restarts and deployments that did not change it.
 *
 * @example c.header('ETag', await strongEtag(code))
 */
export async function strongEtag(content: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(content))
  const hex = [...new Uint8Array(digest, 0, 16)].map((b) => b.toString(16).padStart(2, '0'))
  return `"${hex.join('')}"`
}

/**
 * Whether `If-None-Match` names this tag, so a 304 will do. Compression makes a tag weak
 * (`W/"…"`), and a client revalidates with the form it was given, so either form matches.
 *
 * @example if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304)
 */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
