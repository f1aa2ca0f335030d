import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestSite, type TestSite } from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { createTestMember, type TestMember } from '../../test/helpers/members.ts'
import { createSearchHarness, postIds, type SearchHarness } from './search-test-helpers.ts'

// "Search never leaks hidden, deleted or members-only content" (issue 5): every way a post can
// be out of a reader's sight, each holding the same word, each asserted absent for each reader.

describe('forum search never leaks', () => {
  let h: SearchHarness
  let otherSite: TestSite
  let member: TestMember
  let moderator: TestMember
  const ids: Record<string, string> = {}
  const sql = (statement: string, ...args: string[]) =>
    h.t.deps.client.execute({ sql: statement, args })

  beforeEach(async () => {
    h = await createSearchHarness()
    otherSite = await createTestSite(h.t, { name: 'Other', origins: ['https://other.example'] })
    member = await createTestMember(h.t, h.site)
    moderator = await createTestMember(h.t, h.site, { role: 'moderator' })
    await h.category('general')
    await h.category('private', { readAccess: 'members' })
    await h.category('general', { site: otherSite })

    const open = await h.startThread({ category: 'general', title: 'Open', body: 'zebra visible' })
    ids.visible = open.postId
    ids.hiddenPost = await h.reply(open.threadId, 'zebra hidden by a moderator')
    ids.deletedPost = await h.reply(open.threadId, 'zebra deleted by its author')
    const hiddenThread = await h.startThread({
      category: 'general',
      title: 'Zebra hidden thread',
      body: 'zebra in a hidden thread',
    })
    ids.hiddenThread = hiddenThread.postId
    ids.hiddenThreadReply = await h.reply(hiddenThread.threadId, 'zebra reply in it')
    ids.membersOnly = (
      await h.startThread({ category: 'private', title: 'Zebra club', body: 'zebra for members' })
    ).postId
    const otherAuthor = await createTestMember(h.t, otherSite)
    ids.otherSite = (
      await h.startThread(
        { category: 'general', title: 'Zebra elsewhere', body: 'zebra visible' },
        { site: otherSite, token: otherAuthor.token },
      )
    ).postId

    await sql(
      `UPDATE posts SET hidden = 1, hidden_reason = 'spam' WHERE id = ?`,
      ids.hiddenPost as string,
    )
    await sql(`UPDATE posts SET deleted_at = 1 WHERE id = ?`, ids.deletedPost as string)
    await sql(`UPDATE threads SET hidden = 1 WHERE id = ?`, hiddenThread.threadId)
  })
  afterEach(() => h.close())

  const readers = {
    guest: () => undefined,
    member: () => member.token,
    // Decision: moderators search visible content too; hidden posts are for the moderation tools.
    moderator: () => moderator.token,
  }

  it.each([
    ['guest', ['visible']],
    ['member', ['visible', 'membersOnly']],
    ['moderator', ['visible', 'membersOnly']],
  ] as const)('a %s finds only what they may read', async (reader, expected) => {
    for (const q of ['zebra', 'zeb', 'zebra hidden', 'zebra deleted', 'zebra club']) {
      const found = postIds(await h.search(q, { token: readers[reader]() }))
      const allowed = expected.map((name) => ids[name])
      for (const [name, id] of Object.entries(ids)) {
        if (allowed.includes(id)) continue
        expect(found, `${reader} searching ${q} must not see ${name}`).not.toContain(id)
      }
    }
    const all = postIds(await h.search('zebra', { token: readers[reader]() }))
    expect(all.sort()).toEqual(expected.map((name) => ids[name]).sort())
  })

  it('keeps each site to its own posts, with the same words on both', async () => {
    const other = postIds(await h.search('zebra visible', { site: otherSite }))
    expect(other).toEqual([ids.otherSite])
    const here = postIds(await h.search('zebra visible'))
    expect(here).toEqual([ids.visible])
  })

  it('follows edits, title changes and deletions through the triggers', async () => {
    await sql(`UPDATE posts SET body_source = 'okapi now' WHERE id = ?`, ids.visible as string)
    expect(postIds(await h.search('okapi'))).toEqual([ids.visible])
    expect(postIds(await h.search('zebra'))).toEqual([])

    await sql(`UPDATE threads SET title = 'Giraffe corner' WHERE title = 'Open'`)
    expect(postIds(await h.search('giraffe'))).toEqual([ids.visible])
    expect((await h.search('giraffe')).items[0]?.threadTitle).toBe('Giraffe corner')

    // Soft delete: the row stays indexed, the join keeps it out.
    await sql(`UPDATE posts SET deleted_at = 2 WHERE id = ?`, ids.visible as string)
    expect(postIds(await h.search('okapi'))).toEqual([])
    // Hard delete (thread removed by a moderator, site cleanup): the index row goes too.
    await sql(`DELETE FROM posts WHERE id = ?`, ids.visible as string)
    const indexed = await rows(
      h.t.deps.client,
      `SELECT rowid FROM forum_search WHERE forum_search MATCH 'okapi'`,
    )
    expect(indexed).toEqual([])
  })

  it('drops a thread moved into a members-only category from guests at once', async () => {
    await sql(
      `UPDATE threads SET category_id = (SELECT id FROM categories WHERE slug = 'private' AND site_id = ?)
       WHERE id = (SELECT thread_id FROM posts WHERE id = ?)`,
      h.site.id,
      ids.visible as string,
    )
    expect(postIds(await h.search('zebra'))).toEqual([])
    expect(postIds(await h.search('zebra', { token: member.token }))).toContain(ids.visible)
  })
})
