import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { D1Database } from '@cloudflare/workers-types'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { getPlatformProxy } from 'wrangler'
import { runCliCapturing, runCliJson, runCliProcess } from '../../test/helpers/cli.ts'
import { repoRoot } from '../../test/worker/worker-bundle.ts'
import { migrations } from '../db/migrations.generated.ts'

// Issue 10: on a Worker's D1 database the CLI could do nothing (it opened only DATABASE_URL's
// libSQL file or Turso), so a deployment on D1 had no way to create its first site. With --d1
// every database command runs on the D1 database wrangler.toml binds as DB, through wrangler's
// getPlatformProxy: here on local state (in a temp folder, never the checkout's .wrangler/),
// read back through wrangler itself from the shipped wrangler.toml. d1-wrangler-dev.test.ts
// shows `wrangler dev` serving what the CLI created there; d1-failures.test.ts the mistakes and
// what --remote does offline.

const shippedToml = join(repoRoot, 'wrangler.toml')
const password = 'a long and quiet walk home'

let dir: string
let state: string

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-cli-d1-'))
  state = join(dir, 'state')
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const cli = (...argv: string[]) => runCliCapturing(argv, { LOG_LEVEL: 'silent' })

/** The CLI on the local D1 state in the temp folder, with the shipped wrangler.toml. */
const onLocalD1 = () => ['--d1', '--config', shippedToml, '--persist-to', state]

const d1Json = <T = Record<string, unknown>>(...argv: string[]) =>
  runCliJson<T>([...argv, ...onLocalD1()], { LOG_LEVEL: 'silent' })

/**
 * What the D1 database bound as DB holds, read past the CLI: wrangler's own reading of the
 * shipped wrangler.toml, on the state folder as `wrangler dev --persist-to` lays it out.
 */
async function stored<T>(sql: string): Promise<T[]> {
  const proxy = await getPlatformProxy<{ DB: D1Database }>({
    configPath: shippedToml,
    persist: { path: join(state, 'v3') },
    remoteBindings: false,
    envFiles: [],
  })
  try {
    return (await proxy.env.DB.prepare(sql).all<T>()).results
  } finally {
    await proxy.dispose()
  }
}

describe('porchlight … --d1 on the local D1 state', { timeout: 120_000 }, () => {
  it('runs every database command: migrate, site, key, user and search, all stored in D1', async () => {
    const first = await cli('migrate', ...onLocalD1())
    expect(first).toMatchObject({
      code: 0,
      out: `Applied ${migrations.map((m) => m.tag).join(', ')}`,
    })
    expect((await cli('migrate', ...onLocalD1())).out).toBe('The database is up to date.')

    const site = await d1Json<{ id: string; publishableKey: string; secretKey: string }>(
      'site',
      'create',
      '--name',
      'Bakery',
      '--origin',
      'https://bakery.example',
    )
    const admin = await d1Json<{ id: string; role: string }>(
      'user',
      'create',
      '--email',
      'owner@bakery.example',
      '--password',
      password,
      '--name',
      'Olive',
      '--admin',
      '--verified',
    )
    expect(admin.role).toBe('admin')
    const rotated = await d1Json<{ id: string; key: string }>('key', 'rotate', '--label', 'CI')
    expect((await d1Json('site', 'origins', 'add', 'https://shop.example')).origin).toBe(
      'https://shop.example',
    )

    expect(await stored('SELECT id, name, publishable_key FROM sites')).toEqual([
      { id: site.id, name: 'Bakery', publishable_key: site.publishableKey },
    ])
    expect(await stored('SELECT origin FROM site_origins ORDER BY origin')).toEqual([
      { origin: 'https://bakery.example' },
      { origin: 'https://shop.example' },
    ])
    expect(await stored('SELECT id, role FROM members')).toEqual([{ id: admin.id, role: 'admin' }])
    const keys = await stored<{ id: string; label: string; secret_hash: string }>(
      'SELECT id, label, secret_hash FROM secret_keys ORDER BY created_at',
    )
    expect(keys.map((k) => [k.id, k.label])).toEqual([
      [site.secretKey.split('_')[1], expect.any(String)],
      [rotated.id, 'CI'],
    ])
    // The secret halves and the password are stored only as hashes.
    const secrets = [site.secretKey, rotated.key].map((key) => key.split('_')[2] ?? key)
    const storedKeys = JSON.stringify(keys)
    for (const secret of secrets) expect(storedKeys).not.toContain(secret)
    expect(JSON.stringify(await stored('SELECT * FROM members'))).not.toContain(password)

    expect(await d1Json<{ email: string }[]>('user', 'list')).toEqual([
      expect.objectContaining({ id: admin.id, email: 'owner@bakery.example', role: 'admin' }),
    ])
    expect(await d1Json('search', 'rebuild')).toEqual({ indexed: 0 })

    // The rest of the commands that change the database, on the same state.
    const firstKeyId = site.secretKey.split('_')[1] ?? ''
    expect(await d1Json('key', 'revoke', firstKeyId)).toEqual({ revoked: firstKeyId })
    expect((await d1Json<{ id: string }[]>('key', 'list')).map((k) => k.id)).toEqual([rotated.id])
    const { publishableKey } = await d1Json<{ publishableKey: string }>(
      'key',
      'rotate',
      '--publishable',
    )
    await d1Json('user', 'role', admin.id, 'moderator')
    await d1Json('site', 'origins', 'remove', 'https://shop.example')
    expect(await stored('SELECT publishable_key FROM sites')).toEqual([
      { publishable_key: publishableKey },
    ])
    expect(await stored('SELECT role FROM members')).toEqual([{ role: 'moderator' }])
    expect(await stored('SELECT origin FROM site_origins')).toEqual([
      { origin: 'https://bakery.example' },
    ])
    expect(await stored(`SELECT revoked_at FROM secret_keys WHERE id = '${firstKeyId}'`)).toEqual([
      { revoked_at: expect.any(Number) },
    ])
  })

  it('finds wrangler.toml in a folder above the current one when there is no --config', async () => {
    await d1Json('site', 'create', '--name', 'Bakery')
    const listed = await runCliProcess(['site', 'list', '--d1', '--persist-to', state, '--json'], {
      cwd: join(repoRoot, 'apps', 'server'),
      env: process.env,
    })
    expect(listed.err).toBe('')
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ name: 'Bakery' })])
  })

  it('--env NAME opens the database that environment binds as DB', async () => {
    const toml = join(dir, 'wrangler.toml')
    writeFileSync(
      toml,
      [
        'name = "shop"',
        'compatibility_date = "2026-11-01"',
        '[[d1_databases]]',
        'binding = "DB"',
        'database_name = "shop"',
        'database_id = "8a1f2c3d-0000-4000-8000-000000000001"',
        '[env.staging]',
        '[[env.staging.d1_databases]]',
        'binding = "DB"',
        'database_name = "shop-staging"',
        'database_id = "8a1f2c3d-0000-4000-8000-000000000002"',
      ].join('\n'),
    )
    const at = ['--d1', '--config', toml, '--persist-to', state, '--json']
    expect((await cli('site', 'create', '--name', 'Staging', ...at, '--env', 'staging')).code).toBe(
      0,
    )
    expect(JSON.parse((await cli('site', 'list', ...at)).out)).toEqual([])
    const staging = JSON.parse((await cli('site', 'list', ...at, '--env', 'staging')).out)
    expect(staging).toEqual([expect.objectContaining({ name: 'Staging' })])
  })
})
