// axe-core in the page tests' Chromium: the accessibility audit every page of the product passes
// (0 serious or critical violations), in light and dark, at a phone's width and a desktop's.
// Shared by the tests of every workspace; it depends on nothing of the project.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
)

/** WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices. */
const auditedTags = [
  'wcag2a',
  'wcag2aa',
  'wcag21a',
  'wcag21aa',
  'wcag22a',
  'wcag22aa',
  'best-practice',
]

/** The impacts that fail a page; `minor` and `moderate` ones are reported, not failed. */
const failing = new Set(['serious', 'critical'])

/** A way the page is seen: the visitor's colour scheme and the window's size. */
type View = { scheme: 'light' | 'dark'; width: number; height: number }

/** Light and dark, on a 390 px phone and on a desktop. */
const views: readonly [View, ...View[]] = [
  { scheme: 'light', width: 1280, height: 800 },
  { scheme: 'dark', width: 1280, height: 800 },
  { scheme: 'light', width: 390, height: 844 },
  { scheme: 'dark', width: 390, height: 844 },
]

/**
 * What axe found on a page: a rule broken (`impact` minor to critical), or one it could not
 * decide (`impact` "needs review", such as text over an overlapping element), with the elements
 * by axe's selectors (`>>` crosses a shadow root).
 */
export type Finding = {
  rule: string
  impact: string
  help: string
  targets: string[]
  /** What axe says about the first element. */
  summary: string
}

/**
 * Runs axe-core in the page as it is, its own Content-Security-Policy in force: the script goes
 * in through DevTools, which no page's policy governs, rather than as a `<script>` the policy
 * would refuse, or with the policy bypassed, which would change what the page shows. Open shadow
 * roots are audited too; frames are not (a sandboxed frame without scripts admits no auditor:
 * audit its document on its own).
 *
 * @example
 * const found = await auditPage(page)
 * expect(found.map((f) => f.rule)).not.toContain('button-name')
 */
export async function auditPage(page: Page): Promise<Finding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource)
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: AxeInPage }).axe
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      iframes: false,
      resultTypes: ['violations', 'incomplete'],
    })
    return [
      ...results.violations,
      ...results.incomplete.map((result) => ({ ...result, impact: 'needs review' })),
    ].map((result) => ({
      rule: result.id,
      impact: result.impact ?? 'unknown',
      help: result.help,
      targets: result.nodes.map((node) => node.target.flat().join(' >> ')),
      summary: result.nodes[0]?.failureSummary?.replace(/\s+/g, ' ').trim() ?? '',
    }))
  }, auditedTags)
}

type AxeResult = {
  id: string
  impact?: string | null
  help: string
  nodes: { target: unknown[]; failureSummary?: string }[]
}

/** The little of axe's page API this file uses. */
type AxeInPage = {
  run(context: Document, options: object): Promise<Record<'violations' | 'incomplete', AxeResult[]>>
}

const fails = (finding: Finding) => failing.has(finding.impact)

/** One line per finding, for a failure message or the test's output. */
function describeFindings(where: string, found: readonly Finding[]): string[] {
  return found.map(
    (f) =>
      `${where}: ${f.rule} (${f.impact}) ${f.help}: ${f.targets.slice(0, 3).join(', ')}${
        f.targets.length > 3 ? ` and ${f.targets.length - 3} more` : ''
      }${f.summary ? ` [${f.summary}]` : ''}`,
  )
}

/**
 * Shows the page in `view`, once it has settled there: media query listeners run on the next
 * frames, and colours that change with a transition are checked at their end, not halfway.
 */
async function show(page: Page, view: View) {
  await page.emulateMedia({ colorScheme: view.scheme })
  await page.setViewportSize({ width: view.width, height: view.height })
  await page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve))
    await frame()
    await frame()
    const finite = document
      .getAnimations()
      .filter((animation) => animation.effect?.getComputedTiming().endTime !== Infinity)
    await Promise.all(finite.map((animation) => animation.finished.catch(() => undefined)))
  })
}

/**
 * An auditor that looks at pages in every view (light and dark, 390 px and 1280 px wide) and keeps
 * what it finds: `check` audits the page as it is now and returns its serious and critical
 * violations, a line each, for the test's assertion; `notes()` gives the rest (moderate and minor
 * violations, and what axe could not decide), for the test's output.
 *
 * @example
 * const audit = createAudit()
 * await page.goto(url)
 * expect(await audit.check(page, 'landing page')).toEqual([])
 */
export function createAudit() {
  const found: { state: string; view: string; findings: Finding[] }[] = []
  return {
    /** Audits `page` in each view, then leaves it in the first. */
    async check(page: Page, state: string): Promise<string[]> {
      const failures: string[] = []
      for (const view of views) {
        await show(page, view)
        const where = `${view.scheme}, ${view.width}px`
        const findings = await auditPage(page)
        found.push({ state, view: where, findings })
        failures.push(...describeFindings(`${state} [${where}]`, findings.filter(fails)))
      }
      await show(page, views[0])
      return failures
    },
    /** The findings that do not fail found so far, a line for each rule on each page state. */
    notes(): string[] {
      const seen = new Map<string, { finding: Finding; state: string; views: string[] }>()
      for (const { state, view, findings } of found) {
        for (const finding of findings.filter((f) => !fails(f))) {
          const key = `${state}\n${finding.rule}\n${finding.impact}`
          const entry = seen.get(key) ?? { finding, state, views: [] }
          entry.views.push(view)
          seen.set(key, entry)
        }
      }
      return [...seen.values()].flatMap(({ finding, state, views }) =>
        describeFindings(`${state} [${views.join('; ')}]`, [finding]),
      )
    },
  }
}
