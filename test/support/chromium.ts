// The real browser of the page tests: Debian's chromium package driven by playwright-core.
// Shared by the tests of every workspace; it depends on nothing of the project.
import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Where Chromium is: Debian's package, unless CHROMIUM_PATH names another. */
export const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Whether Chromium is installed, for a file of browser tests to skip on without it. They run
 * wherever it is (.ci/run installs it), and CI must not skip them silently: there a missing
 * Chromium throws. Elsewhere it warns that `tests` are skipped, and why.
 *
 * @example
 * describe.skipIf(!hasChromiumFor("the contact page's tests"))('the contact page', () => {})
 */
export function hasChromiumFor(tests: string): boolean {
  if (existsSync(executablePath)) return true
  const reason = `no Chromium at ${executablePath}: install Debian's chromium package, or set CHROMIUM_PATH`
  if (process.env.CI) throw new Error(reason)
  console.warn(`Skipping ${tests}: ${reason}`)
  return false
}

/**
 * Launches Chromium headless. No sandbox (it needs privileges a test runner's container may not
 * give), no GPU, and no background requests: the tests reach nothing but 127.0.0.1.
 *
 * @example
 * const browser = await launchChromium()
 * const page = await (await browser.newContext()).newPage()
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
}
