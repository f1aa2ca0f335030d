import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  createTestApp,
  createTestSite,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { createTestMember, fastPasswords } from '../../test/helpers/members.ts'
import { categories } from '../db/schema.ts'
import { newId } from '../ids.ts'
import { runCli } from './run.ts'

// The operator's repair for the forum search index (keyed by posts' rowids, which a manual
// VACUUM may renumber): `porchlight search rebuild` rebuilds it from the posts.
describe('porchlight search rebuild', () => {
  let t: TestApp
  let site: TestSite
  beforeEach(async () => {
    t = await createTestApp({ passwords: fastPasswords })
    site = await createTestSite(t)
    await t.deps.db.insert(categories).values({
      id: newId('cat'),
      siteId: site.id,
      slug: 'general',
      name: 'General',
      createdAt: 1,
      updatedAt: 1,
    })
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
    const log = vi.spyOn(console, 'log').mockImplementation(() => {})
    try {
      const code = await runCli(['search', 'rebuild', '--json'], {
        DATABASE_URL: t.config.database.url,
      })
      expect(code).toBe(0)
      expect(JSON.parse(String(log.mock.calls.at(-1)?.[0]))).toEqual({ indexed: 1 })
    } finally {
      log.mockRestore()
    }
    expect(await search('rye')).toEqual(['Sourdough starters'])
    expect(await search('sourdough')).toEqual(['Sourdough starters'])
  })

  it('answers a wrong subcommand with usage and exit 2', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    try {
      expect(await runCli(['search', 'optimise'], { DATABASE_URL: t.config.database.url })).toBe(2)
      expect(String(error.mock.calls.at(-1)?.[0])).toMatch(/porchlight search rebuild/)
    } finally {
      error.mockRestore()
    }
  })
})
