import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig, productionProblems } from './config.ts'

/** The ConfigError message for `env`, which must name what is wrong. */
function errorFor(env: Record<string, string>): string {
  try {
    loadConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError)
    return (error as ConfigError).message
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`)
}

describe('loadConfig', () => {
  it('has a default for everything, so `npm start` needs no settings', () => {
    expect(loadConfig({})).toMatchObject({
      production: false,
      port: 8787,
      host: '127.0.0.1',
      publicUrl: 'http://localhost:8787',
      database: { url: 'file:./data/porchlight.db', busyTimeoutMs: 5000 },
      maxBodyBytes: 65_536,
      logLevel: 'info',
      trustProxy: { mode: 'none' },
      outboxIntervalMs: 10_000,
      shutdownTimeoutMs: 20_000,
      demoSite: true,
      demoPages: true,
    })
  })

  it('reads every foundation setting', () => {
    expect(
      loadConfig({
        PORT: '3000',
        HOST: '0.0.0.0',
        PUBLIC_URL: 'https://api.example.com/',
        DATABASE_URL: 'file:/var/lib/porchlight/db.sqlite',
        DATABASE_AUTH_TOKEN: 'token',
        DATABASE_SYNC_URL: 'libsql://db.turso.io',
        DATABASE_SYNC_INTERVAL: '30',
        MAX_BODY_BYTES: '2048',
        LOG_LEVEL: 'warn',
        TRUST_PROXY: 'cloudflare',
        DATABASE_BUSY_TIMEOUT_MS: '1500',
        OUTBOX_INTERVAL_SECONDS: '0.5',
        SHUTDOWN_TIMEOUT_SECONDS: '5',
        DEMO_SITE: 'false',
        DEMO_PAGES: 'false',
        PATH: '/usr/bin', // the rest of the environment is ignored
      }),
    ).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      publicUrl: 'https://api.example.com',
      database: {
        url: 'file:/var/lib/porchlight/db.sqlite',
        authToken: 'token',
        syncUrl: 'libsql://db.turso.io',
        syncInterval: 30,
        busyTimeoutMs: 1500,
      },
      maxBodyBytes: 2048,
      logLevel: 'warn',
      trustProxy: { mode: 'cloudflare' },
      outboxIntervalMs: 500,
      shutdownTimeoutMs: 5000,
      demoSite: false,
      demoPages: false,
    })
  })

  it('derives the public URL from PORT when PUBLIC_URL is unset', () => {
    expect(loadConfig({ PORT: '9000' }).publicUrl).toBe('http://localhost:9000')
  })

  it('treats empty strings as unset (blank lines in .env files, dashboards)', () => {
    const blank = {
      PORT: '',
      DATABASE_URL: '',
      LOG_LEVEL: '',
      DATABASE_SYNC_URL: '',
      DEMO_SITE: '',
    }
    expect(loadConfig(blank)).toMatchObject(loadConfig({}))
    expect(loadConfig(blank).database).toEqual({
      url: 'file:./data/porchlight.db',
      busyTimeoutMs: 5000,
    })
  })

  it.each<{ env: Record<string, string>; names: string[] }>([
    { env: { PORT: 'eighty' }, names: ['PORT'] },
    { env: { PORT: '0' }, names: ['PORT'] },
    { env: { PORT: '65536' }, names: ['PORT'] },
    { env: { PORT: '80.5' }, names: ['PORT'] },
    { env: { DATABASE_URL: 'postgres://db/porchlight' }, names: ['DATABASE_URL'] },
    { env: { DATABASE_URL: './data/porchlight.db' }, names: ['DATABASE_URL'] },
    { env: { PUBLIC_URL: 'ftp://example.com' }, names: ['PUBLIC_URL'] },
    { env: { MAX_BODY_BYTES: '10' }, names: ['MAX_BODY_BYTES'] },
    { env: { LOG_LEVEL: 'verbose' }, names: ['LOG_LEVEL'] },
    { env: { TRUST_PROXY: 'yes' }, names: ['TRUST_PROXY'] },
    { env: { TRUST_PROXY: '11' }, names: ['TRUST_PROXY'] },
    { env: { TRUST_PROXY: 'loopback, 10.0.0.0/33' }, names: ['TRUST_PROXY'] },
    { env: { DATABASE_BUSY_TIMEOUT_MS: '-1' }, names: ['DATABASE_BUSY_TIMEOUT_MS'] },
    { env: { DEMO_SITE: 'maybe' }, names: ['DEMO_SITE'] },
    { env: { DATABASE_SYNC_URL: 'file:/tmp/x.db' }, names: ['DATABASE_SYNC_URL'] },
    {
      env: { PORT: 'x', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' },
      names: ['PORT', 'DATABASE_URL', 'LOG_LEVEL'],
    },
  ])('refuses $env, naming $names', ({ env, names }) => {
    const message = errorFor(env)
    for (const name of names) expect(message).toMatch(new RegExp(`^  ${name}: `, 'm'))
    // Only the bad ones: a message that names everything helps no one.
    const named = message.match(/^ {2}[A-Z_]+(?=:)/gm)?.map((n) => n.trim())
    expect(new Set(named)).toEqual(new Set(names))
  })

  it('refuses DATABASE_SYNC_URL unless DATABASE_URL is a file (an embedded replica)', () => {
    const message = errorFor({
      DATABASE_URL: 'libsql://db.turso.io',
      DATABASE_SYNC_URL: 'libsql://db.turso.io',
    })
    expect(message).toMatch(/DATABASE_SYNC_URL/)
    expect(message).toMatch(/file:/)
    expect(() =>
      loadConfig({ DATABASE_URL: 'file:replica.db', DATABASE_SYNC_URL: 'https://db.turso.io' }),
    ).not.toThrow()
  })

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['off', false],
  ])('reads DEMO_SITE=%s as %s', (value, expected) => {
    expect(loadConfig({ DEMO_SITE: value }).demoSite).toBe(expected)
  })

  it('bounds concurrent password hashes: left to the runtime by default, else 1 to 64', () => {
    expect(loadConfig({}).passwordHashConcurrency).toBeUndefined()
    expect(loadConfig({ PASSWORD_HASH_CONCURRENCY: '8' }).passwordHashConcurrency).toBe(8)
    expect(errorFor({ PASSWORD_HASH_CONCURRENCY: '0' })).toContain('PASSWORD_HASH_CONCURRENCY')
    expect(errorFor({ PASSWORD_HASH_CONCURRENCY: '65' })).toContain('PASSWORD_HASH_CONCURRENCY')
  })
})

describe('production mode', () => {
  const safe = {
    PUBLIC_URL: 'https://forms.example.com',
    MAIL_TRANSPORT: 'smtp',
    SMTP_URL: 'smtps://user:pass@smtp.example.com:465',
  }

  it.each<[string, Record<string, string>, boolean]>([
    ['nothing set (npm start)', {}, false],
    ['a local PUBLIC_URL', { PUBLIC_URL: 'http://localhost:3000' }, false],
    ['a loopback PUBLIC_URL', { PUBLIC_URL: 'http://127.0.0.1:8787' }, false],
    ['a *.localhost PUBLIC_URL', { PUBLIC_URL: 'http://forms.localhost:8787' }, false],
    ['NODE_ENV=production', { NODE_ENV: 'production' }, true],
    ['a public PUBLIC_URL', { PUBLIC_URL: 'https://forms.example.com' }, true],
    ['a public http PUBLIC_URL', { PUBLIC_URL: 'http://forms.example.com' }, true],
  ])('is %s → production %s', (_, env, production) => {
    expect(loadConfig(env).production).toBe(production)
  })

  it('turns the demo site and pages off unless asked for', () => {
    expect(loadConfig(safe)).toMatchObject({ demoSite: false, demoPages: false })
    expect(loadConfig({ ...safe, DEMO_PAGES: 'true' })).toMatchObject({ demoPages: true })
    expect(loadConfig({})).toMatchObject({ demoSite: true, demoPages: true })
  })

  it('names the dev mail transport and a missing or plain-http PUBLIC_URL as unsafe', () => {
    const unsafe = productionProblems(loadConfig({ NODE_ENV: 'production' }))
    expect(unsafe.map((p) => p.split(':')[0])).toEqual(['MAIL_TRANSPORT', 'PUBLIC_URL'])
    const http = productionProblems(loadConfig({ ...safe, PUBLIC_URL: 'http://forms.example.com' }))
    expect(http).toEqual([expect.stringMatching(/^PUBLIC_URL: .*https/)])
    expect(productionProblems(loadConfig(safe))).toEqual([])
    // Development is never refused: `npm start` needs no settings.
    expect(productionProblems(loadConfig({}))).toEqual([])
  })

  it('can be forced by the runtime (a deployed Worker is production whatever PUBLIC_URL says)', () => {
    expect(loadConfig({}, { production: true }).production).toBe(true)
    expect(productionProblems(loadConfig({}, { production: true }))).toHaveLength(2)
  })
})
