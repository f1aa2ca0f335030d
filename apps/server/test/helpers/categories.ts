import { categories } from '../../src/db/schema.ts'
import { newId } from '../../src/ids.ts'
import type { TestApp, TestSite } from './app.ts'

/**
 * A forum category inserted directly (no owner request), for tests of features that need
 * somewhere to post: `general` ("General") unless named, readable by everyone unless set.
 *
 * @example
 * await createTestCategory(t, site)
 * await createTestCategory(t, site, { slug: 'staff', readAccess: 'members' })
 */
export async function createTestCategory(
  t: TestApp,
  site: TestSite,
  options: { slug?: string; readAccess?: 'everyone' | 'members' } = {},
): Promise<{ id: string; slug: string }> {
  const slug = options.slug ?? 'general'
  const id = newId('cat')
  await t.deps.db.insert(categories).values({
    id,
    siteId: site.id,
    slug,
    name: slug.charAt(0).toUpperCase() + slug.slice(1),
    readAccess: options.readAccess ?? 'everyone',
    createdAt: 1,
    updatedAt: 1,
  })
  return { id, slug }
}
