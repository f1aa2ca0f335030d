// Regression (issue 15, item 3): `cd examples/app && npx porchlight site list` made a new, empty
// data/porchlight.db in examples/app and said "No sites yet", as if the operator's sites were
// gone. Only `serve` and `migrate` create a database now; every other command says where it
// looked and how to point it at the right one, and creates nothing. Run as an operator runs
// them: real CLI processes in temp folders, with nothing in their environment but PATH.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCliCapturing, runCliProcess } from '../../test/helpers/cli.ts'

let project: string
let subfolder: string
const env = { PATH: process.env.PATH }

/** The CLI run in `cwd`, its own process, as `npx porchlight …` would be. */
const cliIn = (cwd: string, ...argv: string[]) =>
  runCliProcess(argv, { cwd, env: { ...env, LOG_LEVEL: 'silent' } })

beforeAll(async () => {
  // A checkout where the server has run: ./data/porchlight.db with one site, and a subfolder.
  project = mkdtempSync(join(tmpdir(), 'porchlight-cli-where-'))
  subfolder = join(project, 'examples', 'app')
  mkdirSync(subfolder, { recursive: true })
  // Made in this process (a Node start-up spared per command): the folders are the tests' point.
  const made = {
    DATABASE_URL: `file:${join(project, 'data', 'porchlight.db')}`,
    LOG_LEVEL: 'silent',
  }
  expect((await runCliCapturing(['migrate'], made)).code).toBe(0)
  expect((await runCliCapturing(['site', 'create', '--name', 'Bakery'], made)).code).toBe(0)
}, 60_000)

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true })
})

describe('a command run where there is no database', () => {
  it('says where it looked, where the database is, and how to point at it; creates nothing', async () => {
    const { code, out, err } = await cliIn(subfolder, 'site', 'list')

    expect(code).toBe(1)
    expect(out).toBe('')
    const lines = err.split('\n')
    expect(lines[0]).toBe(
      `DATABASE_NOT_FOUND: No Porchlight database at ${join(subfolder, 'data', 'porchlight.db')}; nothing was created.`,
    )
    expect(lines[1]).toBe(
      `DATABASE_URL is file:./data/porchlight.db, the default, a relative path: the command looks for it under the folder it runs in, ${subfolder}`,
    )
    expect(err).toContain(
      `There is one at ${join(project, 'data', 'porchlight.db')}: run the command in ${project}, or name it:`,
    )
    expect(err).toContain(`  DATABASE_URL=file:${join(project, 'data', 'porchlight.db')}`)
    expect(err).toContain('a .env\n    file in this folder')
    expect(err).toContain('npx porchlight migrate')
    expect(readdirSync(subfolder)).toEqual([])
  })

  it('works once pointed at the database: from its folder, by DATABASE_URL, or by a .env file', async () => {
    const database = `file:${join(project, 'data', 'porchlight.db')}`
    const fromProject = await cliIn(project, 'site', 'list')
    expect(fromProject).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^site_\w+ {2}Bakery$/m),
    })

    const byVariable = await runCliProcess(['site', 'list'], {
      cwd: subfolder,
      env: { ...env, DATABASE_URL: database },
    })
    expect(byVariable).toMatchObject({ code: 0, out: fromProject.out })

    writeFileSync(join(subfolder, '.env'), `DATABASE_URL=${database}\n`)
    try {
      expect(await cliIn(subfolder, 'site', 'list')).toMatchObject({
        code: 0,
        out: fromProject.out,
      })
    } finally {
      rmSync(join(subfolder, '.env'))
    }
    expect(readdirSync(subfolder)).toEqual([])
  })

  it('names a DATABASE_URL that points nowhere, without looking elsewhere', async () => {
    const nowhere = join(project, 'elsewhere', 'porchlight.db')
    const { code, err } = await runCliProcess(['key', 'list'], {
      cwd: subfolder,
      env: { ...env, DATABASE_URL: `file:${nowhere}` },
    })
    expect(code).toBe(1)
    expect(err.split('\n').slice(0, 2)).toEqual([
      `DATABASE_NOT_FOUND: No Porchlight database at ${nowhere}; nothing was created.`,
      `DATABASE_URL is file:${nowhere}`,
    ])
    expect(err).not.toContain('There is one at')
    expect(existsSync(join(project, 'elsewhere'))).toBe(false)
  })

  it('leaves --d1 to wrangler: a Worker project is looked for, not a database file', async () => {
    const { code, err } = await cliIn(subfolder, 'site', 'list', '--d1')
    expect(code).toBe(2)
    expect(err).toMatch(/^No wrangler\.toml .* in .*app or a folder above it/)
    expect(err).not.toContain('DATABASE_NOT_FOUND')
    expect(readdirSync(subfolder)).toEqual([])
  })
})

describe('which commands may create a database', () => {
  // In this process, for speed: the refusal depends on the file, not on the folder.
  let dir: string
  let fileEnv: Record<string, string>
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'porchlight-cli-create-'))
    fileEnv = { DATABASE_URL: `file:${join(dir, 'data', 'porchlight.db')}`, LOG_LEVEL: 'silent' }
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it.each([
    { argv: ['site', 'list'] },
    { argv: ['site', 'create', '--name', 'Bakery'] },
    { argv: ['site', 'origins', 'add', 'https://bakery.example'] },
    { argv: ['key', 'list'] },
    { argv: ['key', 'rotate'] },
    { argv: ['key', 'rotate', '--publishable'] },
    { argv: ['key', 'revoke', 'abcdefghijklmnop'] },
    {
      argv: [
        'user',
        'create',
        '--email',
        'a@bakery.example',
        '--name',
        'A',
        '--password',
        'x'.repeat(12),
      ],
    },
    { argv: ['user', 'list'] },
    { argv: ['user', 'role', 'mem_x', 'admin'] },
    { argv: ['search', 'rebuild'] },
    { argv: ['backup', '--out', 'backup.db'] },
  ])('$argv refuses with DATABASE_NOT_FOUND and creates nothing', async ({ argv }) => {
    const { code, out, err } = await runCliCapturing(argv, fileEnv)
    expect(code).toBe(1)
    expect(out).toBe('')
    expect(err).toMatch(/^DATABASE_NOT_FOUND: No Porchlight database at /)
    expect(readdirSync(dir)).toEqual([])
  })

  it('migrate creates it, and then the others work on it', async () => {
    expect(await runCliCapturing(['migrate'], fileEnv)).toMatchObject({
      code: 0,
      out: expect.stringMatching(/^Applied 0000_init/),
    })
    expect(existsSync(join(dir, 'data', 'porchlight.db'))).toBe(true)
    const empty = await runCliCapturing(['site', 'list'], fileEnv)
    expect(empty).toMatchObject({ code: 0, err: '' })
    // Even an empty database says which one it is, so a wrong folder is seen at once.
    expect(empty.out.split('\n')[0]).toBe(`No sites yet in ${join(dir, 'data', 'porchlight.db')}.`)
  })
})
