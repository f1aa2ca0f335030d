// What the console's browser tests share: the real Node server (a temp libSQL file, real SMTP,
// Chromium: apps/server/test/browser/harness.ts) serving this console, built from its sources
// for the run, in memory; operators made with the real CLI, in its own process; and the codes
// an authenticator app would show.
import { join } from 'node:path'
import { decodeBase32IgnorePadding } from '@oslojs/encoding'
import { generateHOTP } from '@oslojs/otp'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { type Harness, screenshots, startHarness } from '../../../server/test/browser/harness.ts'
import { runCliProcess } from '../../../server/test/helpers/cli.ts'
import { buildConsole } from '../../scripts/build.ts'

export { hasChromium } from '../../../server/test/browser/harness.ts'

/** Where the console's screenshots go, beside the server's pages'. */
export const consoleScreenshots = join(screenshots, 'console')

export const operatorPassword = 'lantern porch evening 42'

export type ConsoleHarness = Harness & {
  /** `${server.url}/console/<path>` */
  consoleUrl(path?: string): string
  /**
   * Runs `porchlight operator create` as an operator would, in its own process, on this
   * deployment's database; answers what it printed (`--json`).
   */
  createOperator(options: {
    email: string
    name: string
    admin?: boolean
    site?: { id: string; role: string }
  }): Promise<{ id: string; email: string }>
}

/**
 * The server with the console, built from `src/` for this run.
 *
 * @example
 * const h = await startConsoleHarness()
 * await page.goto(h.consoleUrl())
 */
export async function startConsoleHarness(
  options: { env?: Record<string, string> } = {},
): Promise<ConsoleHarness> {
  const files = await buildConsole({ write: false })
  const h = await startHarness({
    assets: { consoleFile: async (path) => files.get(path) ?? null },
    ...(options.env && { env: options.env }),
  })
  return Object.assign(h, {
    consoleUrl: (path = '') => `${h.server.url}/console/${path}`,
    async createOperator(operator: {
      email: string
      name: string
      admin?: boolean
      site?: { id: string; role: string }
    }) {
      const argv = ['operator', 'create', '--email', operator.email, '--name', operator.name]
      if (operator.admin) argv.push('--admin')
      if (operator.site) argv.push('--site', operator.site.id, '--role', operator.site.role)
      const { code, out, err } = await runCliProcess([...argv, '--json'], {
        cwd: process.cwd(),
        env: { PATH: process.env.PATH, ...h.env, PORCHLIGHT_PASSWORD: operatorPassword },
      })
      if (code !== 0) throw new Error(`operator create failed (${code}):\n${out}\n${err}`)
      return JSON.parse(out) as { id: string; email: string }
    },
  })
}

/**
 * The code an authenticator app shows for `secret` (base32), `ahead` steps of 30 s from now.
 * The server accepts each step once and one step either side of its clock, so a test that has
 * used the current step already signs in again with the next one instead of waiting for it.
 */
export function totpCode(secret: string, ahead = 0): string {
  const step = BigInt(Math.floor(Date.now() / 30_000) + ahead)
  return generateHOTP(decodeBase32IgnorePadding(secret), step, 6)
}

/** Signs in on the console's page with email and password (and a code, when asked for one). */
export async function signInOnPage(
  page: Page,
  h: ConsoleHarness,
  email: string,
  code?: () => string,
) {
  await page.goto(h.consoleUrl('sign-in'))
  await page.getByLabel('Email').fill(email)
  await page.getByLabel('Password').fill(operatorPassword)
  await page.getByRole('button', { name: 'Sign in' }).click()
  if (code) {
    await page.getByLabel('Code', { exact: true }).fill(code())
    await page.getByRole('button', { name: 'Verify' }).click()
  }
  await expect.poll(() => page.url(), { timeout: 20_000 }).not.toContain('/sign-in')
}
