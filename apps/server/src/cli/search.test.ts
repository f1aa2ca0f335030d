import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { createTestCategory } from '../../test/helpers/categories.ts'
import { runCliCapturing } from '../../test/helpers/cli.ts'
import { createTestMember, fastPasswords } from '../../test/helpers/members.ts'

// The operator's repair for the forum search index (keyed by posts' rowids, which a manual
// VACUUM may renumber): `porchlight search rebuild` rebuilds it from the posts.
describe('porchlight search rebuild', () => {
  let t: TestApp
  let site: TestSite
  beforeEach(async () => {
    t = await createTestApp({ passwords: fastPasswords })
    site = await createTestSite(t)
    await createTestCategory(t, site)
    const ann = await createTestMember(t, site)
    const res = await t.app.request('/v1/forum/threads', {
      method: 'POST',
      headers: {
        'X-Porchlight-Key': site.publishableKey,
        'content-type': 'application/json',
        authorization: `Bearer ${ann.token}`,
      },
      body: JSON.stringify({
        category: 'general',
        title: 'Sourdough starters',
        body: 'Rye flour works best',
      }),
    })
    expect(res.status).toBe(201)
  })
  afterEach(() => t.close())

  const search = async (q: string) => {
    const res = await t.app.request(`/v1/forum/search?q=${q}`, {
      headers: { 'X-Porchlight-Key': site.publishableKey },
    })
    return ((await res.json()) as { items: { threadTitle: string }[] }).items.map(
      (i) => i.threadTitle,
    )
  }

  it('restores a lost index from the posts, titles included', async () => {
    expect(await search('rye')).toEqual(['Sourdough starters'])
    await t.deps.client.execute('DELETE FROM forum_search')
    expect(await search('rye')).toEqual([])
    const { code, out } = await runCliCapturing(['search', 'rebuild', '--json'], {
      DATABASE_URL: t.config.database.url,
    })
    expect(code).toBe(0)
    expect(JSON.parse(out)).toEqual({ indexed: 1 })
    expect(await search('rye')).toEqual(['Sourdough starters'])
    expect(await search('sourdough')).toEqual(['Sourdough starters'])
  })

  it('answers a wrong subcommand with usage and exit 2', async () => {
    const { code, err } = await runCliCapturing(['search', 'optimise'], {
      DATABASE_URL: t.config.database.url,
    })
    expect(code).toBe(2)
    expect(err).toMatch(/porchlight search rebuild/)
  })
})
