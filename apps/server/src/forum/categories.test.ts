import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestApp, createTestSite } from '../../test/helpers/app.ts'
import { ownerApi } from '../../test/helpers/owner-api.ts'
import { type ForumFixture, forumFixture, type TestMember } from './moderation-test-helpers.ts'

describe('managing categories', () => {
  let f: ForumFixture
  let admin: TestMember
  beforeEach(async () => {
    f = await forumFixture()
    admin = await f.member({ role: 'admin' })
  })
  afterEach(() => f.t.close())

  const slugs = async (token?: string) =>
    (await f.send('GET', '/forum/categories', token)).body.items.map(
      (c: { slug: string }) => c.slug,
    )
  const log = async () =>
    (
      await f.table(
        'SELECT actor_id, action, target_type, details FROM moderation_log ORDER BY rowid',
      )
    ).map((r) => ({ ...r, details: JSON.parse(String(r.details)) }))

  it('an admin creates a category with defaults, and it is logged', async () => {
    const res = await f.send('POST', '/forum/categories', admin.token, {
      slug: 'help',
      name: 'Help',
      position: 5,
    })
    expect(res.status).toBe(201)
    expect(res.body).toEqual({
      id: expect.stringMatching(/^cat_/),
      slug: 'help',
      name: 'Help',
      description: '',
      position: 5,
      readAccess: 'everyone',
      threadAccess: 'members',
      createdAt: f.clock.now(),
      updatedAt: f.clock.now(),
    })
    expect(await slugs()).toEqual(['public', 'news', 'help'])
    expect(await log()).toEqual([
      {
        actor_id: admin.id,
        action: 'category.create',
        target_type: 'category',
        details: { slug: 'help', name: 'Help' },
      },
    ])
    const again = await f.send('POST', '/forum/categories', admin.token, {
      slug: 'help',
      name: 'Again',
    })
    expect(again.status).toBe(409)
    expect(again.body.error.code).toBe('CATEGORY_EXISTS')
  })

  it('reorders by position and changes access; unchanged fields are not logged as changes', async () => {
    const res = await f.send('PATCH', '/forum/categories/news', admin.token, {
      position: 0,
      name: 'news',
      readAccess: 'members',
    })
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ slug: 'news', position: 0, readAccess: 'members' })
    // Guests no longer see it; members see it first (position 0, then name).
    expect(await slugs()).toEqual(['public'])
    expect(await slugs(admin.token)).toEqual(['news', 'public', 'lounge'])
    expect(await log()).toEqual([
      expect.objectContaining({
        action: 'category.update',
        details: {
          slug: 'news',
          changes: { position: 0, readAccess: 'members' },
          previous: { position: 2, readAccess: 'everyone' },
        },
      }),
    ])
    const rename = await f.send('PATCH', '/forum/categories/news', admin.token, { slug: 'public' })
    expect(rename.status).toBe(409)
    expect(rename.body.error.code).toBe('CATEGORY_EXISTS')
    const missing = await f.send('PATCH', '/forum/categories/nope', admin.token, { name: 'X' })
    expect(missing.status).toBe(404)
  })

  it('deletes only an empty category (409 CATEGORY_NOT_EMPTY otherwise), and logs only what happened', async () => {
    await f.thread(admin, { category: 'lounge' })
    const busy = await f.send('DELETE', '/forum/categories/lounge', admin.token)
    expect(busy.status).toBe(409)
    expect(busy.body.error.code).toBe('CATEGORY_NOT_EMPTY')
    expect(await log()).toEqual([])
    const empty = await f.send('DELETE', '/forum/categories/news', admin.token)
    expect(empty.status).toBe(204)
    expect(await slugs(admin.token)).toEqual(['public', 'lounge'])
    expect(await log()).toEqual([
      expect.objectContaining({
        action: 'category.delete',
        details: { slug: 'news', name: 'news' },
      }),
    ])
    expect((await f.send('DELETE', '/forum/categories/news', admin.token)).status).toBe(404)
  })

  it('validates every field at once (422)', async () => {
    const res = await f.send('POST', '/forum/categories', admin.token, {
      slug: 'Not A Slug',
      name: '',
      readAccess: 'nobody',
    })
    expect(res.status).toBe(422)
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['name', 'readAccess', 'slug'])
  })
})

describe('the site owner manages categories with a secret key', () => {
  let f: ForumFixture
  beforeEach(async () => {
    f = await forumFixture()
  })
  afterEach(() => f.t.close())

  it('sets up a fresh site without any admin member, logged as the owner', async () => {
    const owner = ownerApi(f.t, f.site)
    const created = await owner.send('POST', '/forum/categories', {
      slug: 'welcome',
      name: 'Welcome',
    })
    expect(created.status).toBe(201)
    const updated = await owner.send('PATCH', '/forum/categories/welcome', { position: 9 })
    expect(await updated.json()).toMatchObject({ slug: 'welcome', position: 9 })
    const list = await owner.send('GET', '/forum/categories')
    expect(((await list.json()) as { items: { slug: string }[] }).items.map((c) => c.slug)).toEqual(
      ['public', 'lounge', 'news', 'welcome'],
    )
    f.clock.advance(1000)
    expect((await owner.send('DELETE', '/forum/categories/welcome')).status).toBe(204)
    const entries = await f.table(
      'SELECT actor_id, action, details FROM moderation_log ORDER BY rowid',
    )
    expect(entries.map((e) => [e.actor_id, e.action, JSON.parse(String(e.details)).by])).toEqual([
      [null, 'category.create', 'owner'],
      [null, 'category.update', 'owner'],
      [null, 'category.delete', 'owner'],
    ])
    const shown = await f.send(
      'GET',
      '/forum/moderation/log',
      (await f.member({ role: 'moderator' })).token,
    )
    expect(shown.body.items[0]).toMatchObject({
      by: 'owner',
      actor: null,
      action: 'category.delete',
    })
  })

  it("another site's secret key cannot see or change this site's categories", async () => {
    const other = await createTestSite(f.t, { name: 'Other' })
    const stranger = ownerApi(f.t, other)
    expect(
      (await stranger.send('PATCH', '/forum/categories/public', { name: 'Mine' })).status,
    ).toBe(404)
    expect((await stranger.send('DELETE', '/forum/categories/news')).status).toBe(404)
    const list = await stranger.send('GET', '/forum/categories')
    expect(await list.json()).toEqual({ items: [] })
    // The same slug is free on the other site: slugs are unique per site.
    expect(
      (await stranger.send('POST', '/forum/categories', { slug: 'public', name: 'Theirs' })).status,
    ).toBe(201)
    expect(
      await f.table('SELECT name FROM categories WHERE slug = ? ORDER BY name', 'public'),
    ).toEqual([{ name: 'Theirs' }, { name: 'public' }])
  })

  it('refuses without a secret key', async () => {
    const res = await f.t.app.request('/v1/admin/forum/categories', {
      method: 'POST',
      headers: { ...f.headers(), 'content-type': 'application/json' },
      body: JSON.stringify({ slug: 'x', name: 'X' }),
    })
    expect(res.status).toBe(401)
  })
})

describe('the owner changes discussion settings with the secret key', () => {
  it('reads defaults, merges a partial change, and names bad keys', async () => {
    const t = await createTestApp()
    const site = await createTestSite(t)
    const call = (method: string, body?: unknown) =>
      t.app.request('/v1/admin/forum/settings', {
        method,
        headers: { authorization: `Bearer ${site.secretKey}`, 'content-type': 'application/json' },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
    try {
      expect(await (await call('GET')).json()).toMatchObject({
        flagsToHide: 3,
        images: 'established',
      })
      const changed = await call('PATCH', { flagsToHide: 5 })
      expect(changed.status).toBe(200)
      expect(await changed.json()).toMatchObject({ flagsToHide: 5, images: 'established' })
      const bad = await call('PATCH', { flagsToHide: 0, colour: 'red' })
      expect(bad.status).toBe(422)
      expect(
        ((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields,
      ).toHaveProperty('settings.flagsToHide')
      expect(await (await call('GET')).json()).toMatchObject({ flagsToHide: 5 })
    } finally {
      await t.close()
    }
  })
})
