// Every code sample of the documents beside the two READMEs that have tests of their own (the
// root README: ../readme-samples.test.ts; the SDK's: packages/sdk/test/readme-samples.test.ts),
// and what becomes of it: run against a real server here, type-checked here, run by another
// test (named), or not run, with the reason. A sample added to a document and missing here, or
// here and gone from the document, fails doc-samples.test.ts.
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type CodeBlock, codeBlocks } from '../helpers/markdown-code-blocks.ts'

export const repo = fileURLToPath(new URL('../../../../', import.meta.url))

/** The documents this catalogue covers, from the repository's root. */
export const documents = [
  'docs/api.md',
  'docs/architecture.md',
  'docs/configuration.md',
  'docs/console.md',
  'docs/contact-forms.md',
  'docs/deployment.md',
  'docs/forum.md',
  'docs/membership.md',
  'docs/performance.md',
  'docs/security.md',
  'packages/embed/README.md',
  'examples/app/README.md',
  'examples/static-site/README.md',
  'examples/workers/README.md',
  'apps/server/README.md',
]

/**
 * What happens to a sample: `run` (here, against a real server, the CLI or a real signature),
 * `typeChecked` (here, against the package's types), `elsewhere` (the test that runs it), or
 * `notRun` (why). `except` lists the commands of a run block that are not run, and why.
 */
export type Coverage =
  | { run: string; except?: Record<string, string> }
  | { typeChecked: string }
  | { elsewhere: string }
  | { notRun: string }

/** A block of a document, keyed `file § section #n` (n counts the section's blocks from 1). */
export function documentBlocks(): Map<string, CodeBlock & { file: string }> {
  const blocks = new Map<string, CodeBlock & { file: string }>()
  for (const file of documents) {
    const counts = new Map<string, number>()
    for (const block of codeBlocks(join(repo, file))) {
      const n = (counts.get(block.section) ?? 0) + 1
      counts.set(block.section, n)
      blocks.set(`${file} § ${block.section} #${n}`, { ...block, file })
    }
  }
  return blocks
}

const accounts =
  'needs an account and network the tests do not have (Cloudflare, Turso, a mail provider)'
const bench = 'a benchmark: minutes of load, run by hand as docs/performance.md describes'
const output = 'what a command printed, quoted: nothing to run'
const deployedWorker = 'a deployed Worker, behind a Cloudflare account'
const config = 'configuration lines (an .env file or wrangler.toml), read by the config tests'
const d1Remote =
  'needs a Cloudflare account for --remote; apps/server/src/cli/d1.test.ts runs the CLI with --d1 on local state'

const operatorCli =
  'asks for a password at a terminal: apps/server/src/cli/operators.test.ts runs the operator commands, apps/server/src/cli/operator-password.test.ts the prompt on a real terminal'

export const coverage: Record<string, Coverage> = {
  'docs/api.md § Conventions #1': {
    run: 'the envelope of a refused request, as the server sends it',
  },
  'docs/architecture.md § Architecture #1': { notRun: 'a folder tree' },
  'docs/configuration.md § Configuration #1': {
    run: 'the message of `porchlight serve` with PORT=70000',
  },

  'docs/console.md § The first operator #1': { elsewhere: operatorCli },
  'docs/console.md § Signing in, TOTP and recovery codes #1': { elsewhere: operatorCli },
  'docs/console.md § Inviting others #1': { elsewhere: operatorCli },
  'docs/console.md § Building it, and working on it #1': {
    elsewhere:
      'apps/console/test/api-types.test.ts checks the generated types are current; apps/console/test/size.test.ts runs the size script',
  },

  'docs/contact-forms.md § 1. Create a form (owner, secret key) #1': {
    run: 'site create, on the server’s database',
  },
  'docs/contact-forms.md § 1. Create a form (owner, secret key) #2': {
    run: 'creates the form with the new site’s key',
  },
  'docs/contact-forms.md § Plain HTML, no JavaScript at all #1': {
    elsewhere:
      'apps/server/src/contact/html-forms.test.ts posts such forms; apps/server/test/browser/contact.test.ts in Chromium',
  },
  'docs/contact-forms.md § With the script tag #1': {
    elsewhere: 'apps/server/test/browser/readme-samples.test.ts (the same tag, in Chromium)',
  },
  'docs/contact-forms.md § With the SDK #1': { typeChecked: 'against the SDK, with the DOM lib' },
  'docs/contact-forms.md § 3. Spam #1': { run: 'rescues a spam submission' },
  'docs/contact-forms.md § 5. Deliveries: email and webhooks #1': {
    run: 'lists the dead deliveries and retries one',
  },
  'docs/contact-forms.md § Webhooks #1': {
    run: 'the body of a submission.created delivery, as the server builds it',
  },
  'docs/contact-forms.md § Webhooks #2': { run: 'verifies a signature the server made' },

  'docs/deployment.md § Node.js on one machine #1': {
    notRun:
      'clones from GitHub and installs from the registry; npm start is the root README test’s',
  },
  'docs/deployment.md § Node.js on one machine #2': { notRun: config },
  'docs/deployment.md § Health, readiness and a busy database #1': {
    run: 'site create, on the server’s database',
    except: {
      'npx porchlight operator create --email you@example.com --name "You"': operatorCli,
    },
  },
  'docs/deployment.md § Health, readiness and a busy database #2': {
    notRun: 'a systemd unit; its ExecStart is the bin that every CLI test runs',
  },
  'docs/deployment.md § Health, readiness and a busy database #3': {
    run: 'the readiness probe',
    except: {
      'sudo systemctl daemon-reload && sudo systemctl enable --now porchlight':
        'installs a system service',
    },
  },
  'docs/deployment.md § Run from npm #1': {
    run: 'porchlight --help',
    except: {
      'npm install @porchlight/server': 'installs from the registry',
      'npx porchlight serve': 'runs until stopped: apps/server/test/serve.test.ts',
    },
  },
  'docs/deployment.md § Run from npm #2': { notRun: 'two lines of a systemd unit' },
  'docs/deployment.md § An embedded replica of Turso #1': { notRun: `${config}; ${accounts}` },
  'docs/deployment.md § Try it: `npx wrangler dev` #1': {
    elsewhere: 'apps/server/src/cli/d1-wrangler-dev.test.ts runs wrangler dev',
  },
  'docs/deployment.md § Deploy with D1 #1': { notRun: accounts },
  'docs/deployment.md § Deploy with D1 #2': { notRun: config },
  'docs/deployment.md § Deploy with D1 #3': { notRun: deployedWorker },
  'docs/deployment.md § Deploy with D1 #4': { notRun: d1Remote },
  'docs/deployment.md § Deploy with Turso #1': { notRun: accounts },
  'docs/deployment.md § Deploy with Turso #2': { notRun: accounts },
  'docs/deployment.md § Deploy with Turso #3': { notRun: accounts },
  'docs/deployment.md § Deploy with Turso #4': {
    notRun:
      'the turso CLI is not installed where the tests run (see "How the Worker build is tested")',
  },
  'docs/deployment.md § A database file (Node) #1': {
    elsewhere:
      'apps/server/src/backup/backup.test.ts and apps/server/src/backup/restore.test.ts run both commands',
  },
  'docs/deployment.md § A database file (Node) #2': { notRun: config },
  'docs/deployment.md § Turso #1': { notRun: accounts },
  'docs/deployment.md § D1 #1': { notRun: accounts },
  'docs/deployment.md § Turning them on (Node) #1': { notRun: config },
  'docs/deployment.md § Turning them on (Node) #2': { notRun: config },
  'docs/deployment.md § Turning them on (Node) #3': {
    elsewhere: 'apps/server/test/prometheus.test.ts reads /metrics on its own port and by token',
  },
  'docs/deployment.md § Scraping #1': {
    notRun:
      'a Prometheus configuration file; apps/server/test/prometheus.test.ts scrapes the server with Prometheus and checks docs/ops/alerts.yml',
  },
  'docs/deployment.md § On Workers #1': { notRun: output },
  'docs/deployment.md § How the Worker build is tested #1': {
    notRun: 'the Worker suite, run by npm test',
  },

  'docs/forum.md § Content #1': {
    elsewhere: 'apps/server/src/forum/markdown.test.ts renders quotes of this shape',
  },

  'docs/membership.md § With the SDK #1': { typeChecked: 'against the SDK' },
  'docs/membership.md § CLI #1': { run: 'creates an admin, lists, makes a moderator' },
  'docs/membership.md § Setting up each provider #1': {
    elsewhere: 'apps/server/test/oauth/owner-routes.test.ts (the same PUT of a GitHub provider)',
  },

  'docs/performance.md § Performance #1': { notRun: bench },
  'docs/performance.md § Results (November 2026) #1': { notRun: output },
  'docs/performance.md § The seeded forums #1': { notRun: bench },
  'docs/performance.md § Results #1': { notRun: output },
  'docs/performance.md § Metrics #1': { notRun: bench },
  'docs/performance.md § Profiling #1': { notRun: bench },
  'docs/performance.md § Sign-in floods #1': { notRun: bench },
  'docs/performance.md § Memory under a long load #1': { notRun: bench },
  'docs/performance.md § Backups #1': { notRun: bench },

  'packages/embed/README.md § @porchlight/embed #1': {
    elsewhere: 'apps/server/test/browser/readme-samples.test.ts (in Chromium)',
  },
  'packages/embed/README.md § Contact forms #1': {
    elsewhere: 'apps/server/test/browser/readme-samples.test.ts (in Chromium)',
  },
  'packages/embed/README.md § Styling #1': { notRun: 'a style sheet' },
  'packages/embed/README.md § Web components #1': {
    elsewhere: 'packages/embed/test/browser.test.ts and the demo pages’ browser tests',
  },
  'packages/embed/README.md § Theming #1': { notRun: 'a style sheet' },
  'packages/embed/README.md § Strings and translation #1': {
    elsewhere: 'packages/embed/test/browser.test.ts sets window.PorchlightEmbedStrings',
  },
  'packages/embed/README.md § `window.Porchlight` #1': {
    elsewhere: 'packages/embed/test/browser.test.ts reads window.Porchlight',
  },
  'packages/embed/README.md § From npm, in an app that bundles its own code #1': {
    notRun: 'installs from the registry',
  },
  'packages/embed/README.md § From npm, in an app that bundles its own code #2': {
    elsewhere: 'packages/embed/test/types.test.ts type-checks install() against the built types',
  },
  'packages/embed/README.md § From npm, in an app that bundles its own code #3': {
    elsewhere: 'packages/embed/test/types.test.ts, with React’s types when installed',
  },
  'packages/embed/README.md § From npm, in an app that bundles its own code #4': {
    elsewhere: 'packages/embed/test/types.test.ts, with React’s types when installed',
  },
  'packages/embed/README.md § Building and testing #1': {
    notRun: 'the package’s build and tests, run by npm test',
  },

  'examples/app/README.md § Run it #1': {
    notRun: 'installs, then npm start: the root README test runs both',
  },
  'examples/app/README.md § Run it #2': { run: 'the app’s own site' },
  'examples/app/README.md § Run it #3': {
    elsewhere:
      'examples/app/test/app.test.ts builds the app from such an .env; examples/app/test/browser.test.ts serves it (vite preview, not the dev server)',
  },
  "examples/app/README.md § The site's contact form, forum category and emailed links #1": {
    run: 'the app’s site gets its form',
  },
  "examples/app/README.md § The site's contact form, forum category and emailed links #2": {
    run: 'the app’s site gets its category',
  },
  "examples/app/README.md § The site's contact form, forum category and emailed links #3": {
    run: 'the app’s site sends links to the app; the demo site’s are unchanged',
  },
  'examples/app/README.md § Build for production #1': {
    elsewhere: 'examples/app/test/app.test.ts builds the app with the same Vite config',
  },
  'examples/app/README.md § In your own project #1': {
    notRun: 'creates a project from the registry',
  },
  'examples/app/README.md § Tests #1': { notRun: 'the example’s tests, run by npm test' },

  'examples/workers/README.md § 0. Try it on your machine #1': {
    notRun: 'clones from GitHub; wrangler dev: apps/server/src/cli/d1-wrangler-dev.test.ts',
  },
  'examples/workers/README.md § 1. Install the Turso CLI and log in #1': { notRun: accounts },
  'examples/workers/README.md § 2. Create the database #1': { notRun: accounts },
  'examples/workers/README.md § 3. Log in to Cloudflare and store the secrets #1': {
    notRun: accounts,
  },
  'examples/workers/README.md § 4. Set the plain variables #1': { notRun: config },
  'examples/workers/README.md § 5. Deploy and check #1': { notRun: deployedWorker },
  'examples/workers/README.md § 6. Create the first site, from your laptop #1': {
    notRun: accounts,
  },
  'examples/workers/README.md § 6. Create the first site, from your laptop #2': {
    notRun: accounts,
  },
  'examples/workers/README.md § 7. Add a contact form and a forum category #1': {
    notRun: `${deployedWorker}; the same requests run here against a local server for examples/app/README.md`,
  },
  'examples/workers/README.md § 7. Add a contact form and a forum category #2': {
    notRun: `${deployedWorker}; the same request runs here for examples/app/README.md`,
  },
  'examples/workers/README.md § 8. Use it from your site #1': { typeChecked: 'against the SDK' },
  'examples/workers/README.md § 8. Use it from your site #2': {
    elsewhere: 'apps/server/test/browser/readme-samples.test.ts (the same tag, in Chromium)',
  },
  'examples/workers/README.md § 9. Logs #1': { notRun: deployedWorker },
  'examples/workers/README.md § A custom domain #1': { notRun: config },
  'examples/workers/README.md § Updating #1': { notRun: `${deployedWorker}; pulls from GitHub` },
  'examples/workers/README.md § With D1 instead #1': { notRun: accounts },
  'examples/workers/README.md § With D1 instead #2': { notRun: d1Remote },
  'examples/workers/README.md § Locally against Turso #1': {
    notRun: 'the turso CLI is not installed where the tests run',
  },

  'apps/server/README.md § Run it #1': {
    notRun: 'installs from the registry; serve: apps/server/test/serve.test.ts',
  },
  'apps/server/README.md § Use it as a library #1': {
    run: 'starts and stops a server through the package’s entry',
  },
}
