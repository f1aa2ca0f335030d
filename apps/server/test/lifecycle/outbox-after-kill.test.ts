import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Client } from '@libsql/client'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/entry/node.ts'
import { bearer } from '../helpers/http.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../helpers/smtp.ts'
import { killServeProcesses, printed, type ServeProcess, startServe } from './cli-process.ts'

// Issue 13: a submission's notification is written in the same transaction as the submission,
// and the outbox runner delivers it in the background. So an acknowledged submission's email
// must survive the process dying before it went out: a real `porchlight serve`, killed with
// SIGKILL (no shutdown at all) while its mail server is down, and started again.

let dir: string
let smtp: TestSmtpServer
let db: Client | undefined
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'porchlight-kill-'))
  smtp = await startTestSmtpServer()
})
afterEach(async () => {
  killServeProcesses()
  db?.close()
  await smtp.close()
  rmSync(dir, { recursive: true, force: true })
})

async function outboxJob(): Promise<Record<string, unknown> | undefined> {
  db ??= await openDatabase({ url: `file:${join(dir, 'data', 'porchlight.db')}` } as never)
  const result = await db.execute('SELECT id, status, attempts FROM outbox')
  return result.rows[0] as Record<string, unknown> | undefined
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline) throw new Error(`gave up waiting; last: ${JSON.stringify(value)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** The demo site's publishable key, and a form that notifies the owner. */
async function setUpForm(server: ServeProcess) {
  const publishableKey = (await printed(server, /publishable key: (pk_\w+)/))[1] ?? ''
  const secretKey = (await printed(server, /secret key: +(sk_\w+)/))[1] ?? ''
  const res = await fetch(`${server.url}/v1/admin/forms`, {
    method: 'POST',
    headers: { ...bearer(secretKey), 'Content-Type': 'application/json' },
    body: JSON.stringify({
      id: 'ask',
      name: 'Ask',
      settings: { notify: ['owner@example.com'], spam: { proofOfWork: 'off' } },
    }),
  })
  expect(res.status).toBe(201)
  return publishableKey
}

describe('an acknowledged submission when the process dies', () => {
  it('is notified once after a restart, though the process was killed before sending', async () => {
    const env = {
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Porchlight <forms@example.com>',
      // The timer that picks up retries as they come due.
      OUTBOX_INTERVAL_SECONDS: '0.5',
    }
    await smtp.stop()
    const first = await startServe(dir, env)
    const key = await setUpForm(first)
    const res = await fetch(`${first.url}/v1/forms/ask/submissions`, {
      method: 'POST',
      headers: { 'X-Porchlight-Key': key, 'Content-Type': 'application/json' },
      body: JSON.stringify({ message: 'Please call me back' }),
    })
    expect(res.status).toBe(201)
    const { id } = (await res.json()) as { id: string }

    // The mail server refused the first attempt: the job waits for its retry. Killed now, the
    // process hands nothing back; only what it committed remains.
    await until(outboxJob, (job) => job?.status === 'pending' && job.attempts === 1)
    first.child.kill('SIGKILL')
    await first.exited
    expect(await outboxJob()).toMatchObject({ id: `job_${id}.notify`, status: 'pending' })

    await smtp.start()
    await startServe(dir, env)
    // The retry is due 12–18 s after the failed attempt (the first backoff step, with jitter).
    const [message] = await smtp.waitForMessages(1, 30_000)
    expect(message?.headers.get('message-id')).toBe(`<job_${id}.notify@example.com>`)
    expect(message?.parts.get('text/plain')).toContain('Please call me back')
    expect(await until(outboxJob, (job) => job?.status === 'delivered')).toMatchObject({
      attempts: 2,
    })
    expect(smtp.received).toHaveLength(1)
  }, 60_000)
})
