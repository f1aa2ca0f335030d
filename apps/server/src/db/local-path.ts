import { fileURLToPath } from 'node:url'

/**
 * The file a `file:` database URL names: `file:data/x.db`, `file:./data/x.db`, `file:/srv/x.db`,
 * `file:///srv/x.db` → a path; `file:` alone is `:memory:`.
 *
 * @example localPath('file:./data/porchlight.db') // './data/porchlight.db'
 */
export function localPath(url: string): string {
  const withoutQuery = url.split('?')[0] ?? url
  if (withoutQuery.startsWith('file://')) return fileURLToPath(withoutQuery)
  return withoutQuery.slice('file:'.length) || ':memory:'
}
