// The operator's password at `porchlight operator create`: asked twice at a real terminal
// (util-linux `script` gives the CLI process a pty) and never shown, and every way to get it or
// the rest of the command wrong refused with what to do instead, creating no one.
import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { cliBin } from '../../test/helpers/cli.ts'
import { rows } from '../../test/helpers/http.ts'
import { operatorCliWorld } from '../../test/helpers/operator-cli.ts'
import { operatorPassword } from '../../test/helpers/operators.ts'

const world = operatorCliWorld()
const { cli, cliProcess, server, signIn } = world

describe('porchlight operator create', { timeout: 120_000 }, () => {
  it.each([
    { how: 'typed line by line', together: false },
    // Regression: both lines in one chunk (a paste) left the second prompt waiting for ever.
    { how: 'pasted both at once', together: true },
  ])(
    'asks for the password twice at a terminal, showing none of it ($how)',
    async ({ together }) => {
      // `script` runs the command on a pseudo-terminal and passes what is written to it on.
      const command = [
        process.execPath,
        cliBin,
        'operator',
        'create',
        '--email',
        'ann@example.com',
        '--name',
        'Ann',
      ]
        .map((part) => `'${part}'`)
        .join(' ')
      const child = spawn('script', ['-q', '-e', '-c', command, '/dev/null'], {
        cwd: world.dir(),
        env: { ...world.baseEnv(), TERM: 'dumb' },
        stdio: ['pipe', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk
      })
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
      const prompted = async (text: string) => {
        for (let waited = 0; !output.includes(text); waited += 20) {
          if (waited > 30_000) throw new Error(`never asked "${text}"; output:\n${output}`)
          await sleep(20)
        }
      }
      try {
        await prompted('Password (at least 12 characters):')
        if (together) child.stdin.write(`${operatorPassword}\r\n${operatorPassword}\r\n`)
        else {
          child.stdin.write(`${operatorPassword}\r`)
          await prompted('The same password again:')
          child.stdin.write(`${operatorPassword}\r`)
        }
        await prompted('Created operator ann@example.com')
      } finally {
        // A prompt left waiting would keep the process (and the pty) alive after a failure.
        child.stdin.end()
        if (child.exitCode === null) setTimeout(() => child.kill(), 5000).unref()
      }
      expect(await exited).toBe(0)
      expect(output).not.toContain(operatorPassword)
      expect((await signIn('ann@example.com')).status).toBe(200)
    },
  )

  it.each([
    {
      what: 'a password given as a flag (shell history keeps it)',
      argv: ['--password', operatorPassword],
      env: { PORCHLIGHT_PASSWORD: operatorPassword },
      code: 2,
      err: /is not taken as --password .* set PORCHLIGHT_PASSWORD/,
    },
    {
      what: 'no password and no terminal to ask at',
      argv: [],
      env: {},
      code: 2,
      err: /^No terminal to ask for the password: set PORCHLIGHT_PASSWORD instead\.$/,
      // Whether there is a terminal is the process's own: this one starts the CLI as a script
      // does. The other refusals run in this process (a Node start-up spared per case).
      ownProcess: true,
    },
    {
      what: 'a short password',
      argv: [],
      env: { PORCHLIGHT_PASSWORD: 'short' },
      code: 2,
      err: /^VALIDATION_FAILED: .*\n {2}--password: .*12/,
    },
    {
      what: 'an address that is not one',
      argv: [],
      env: { PORCHLIGHT_PASSWORD: operatorPassword, EMAIL: 'ann at example' },
      code: 2,
      err: /^VALIDATION_FAILED: .*\n {2}--email: Not a valid email address\.$/,
    },
    {
      what: 'a role that does not exist',
      argv: ['--site', 'SITE', '--role', 'admin'],
      env: { PORCHLIGHT_PASSWORD: operatorPassword },
      code: 2,
      err: /^--role must be viewer, moderator, editor, owner \(got "admin"\)\.$/,
    },
    {
      what: 'a site that does not exist',
      argv: ['--site', 'site_nope', '--role', 'editor'],
      env: { PORCHLIGHT_PASSWORD: operatorPassword },
      code: 2,
      err: /^No site has the id "site_nope"/,
    },
  ])('refuses $what, creating no one', async ({ argv, env, code, err, ownProcess }) => {
    const { EMAIL, ...rest } = env as Record<string, string>
    const args = argv.map((a) => (a === 'SITE' ? world.sites.a.id : a))
    const result = await (ownProcess ? cliProcess : cli)(
      ['operator', 'create', '--email', EMAIL ?? 'ann@example.com', '--name', 'Ann', ...args],
      rest,
    )
    expect(result.code, result.err).toBe(code)
    expect(result.err).toMatch(err)
    expect(await rows((await server()).client, 'SELECT id FROM operators')).toEqual([])
  })
})
