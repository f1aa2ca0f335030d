import { afterEach, beforeEach, expect, it } from 'vitest'
import { jsonRequest } from '../../test/helpers/http.ts'
import {
  addOperator,
  asOperator,
  type ConsoleHarness,
  createConsoleHarness,
  signInAs,
} from '../../test/helpers/operators.ts'
import { ownerApi, submitForId } from '../../test/helpers/owner-api.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../test/helpers/smtp.ts'
import { createSmtpTransport, type SmtpTransport } from '../mail/smtp.ts'

// "Not spam" from the console's bulk actions, all the way to a real SMTP server: the owner gets
// the notification the spam filter held back, once, however often the submission is rescued.

let smtp: TestSmtpServer
let mail: SmtpTransport
let h: ConsoleHarness

beforeEach(async () => {
  smtp = await startTestSmtpServer()
  mail = createSmtpTransport({ url: smtp.url, timeoutMs: 2000, sendTimeoutMs: 5000 })
  h = await createConsoleHarness({ mail, env: { MAIL_FROM: 'Porchlight <forms@example.com>' } })
  await ownerApi(h.t, h.site).createForm({
    id: 'contact',
    name: 'Contact',
    settings: {
      notify: ['owner@acme.example'],
      fields: { email: { type: 'email' }, message: {} },
    },
  })
})
afterEach(async () => {
  await h.t.deps.outbox.kick()
  await mail.close()
  await smtp.close()
  await h.close()
})

it('a moderator’s bulk "not spam" sends the held notification once, over SMTP', async () => {
  const moderator = await addOperator(h, {
    email: 'mia@acme.example',
    roles: { [h.site.id]: 'moderator' },
  })
  const cookie = await signInAs(h, moderator)
  const bulk = (ids: string[], action: string) =>
    asOperator(h, cookie, h.site.id, 'POST', '/v1/admin/submissions/bulk', { ids, action })

  const caught = await submitForId(h.t, h.site, 'contact', {
    email: 'real@person.example',
    message: 'I am not a bot',
    _gotcha: 'filled',
  })
  await h.t.deps.outbox.kick()
  expect(smtp.received).toEqual([])

  const rescued = await bulk([caught], 'not_spam')
  expect(rescued.status).toBe(200)
  expect((await rescued.json()).results).toEqual([{ id: caught, result: 'done' }])
  await h.t.deps.outbox.kick()
  const [message] = await smtp.waitForMessages(1)
  expect(message?.recipients).toEqual(['owner@acme.example'])
  expect(message?.headers.get('reply-to')).toBe('real@person.example')
  expect(message?.parts.get('text/plain')).toContain('I am not a bot')

  // Marked spam again and rescued again, in bulk and one by one: nothing more is sent.
  await bulk([caught], 'spam')
  await bulk([caught], 'not_spam')
  await h.t.app.request(
    `/v1/admin/submissions/${caught}`,
    jsonRequest('PATCH', { status: 'spam' }, { Authorization: `Bearer ${h.site.secretKey}` }),
  )
  await bulk([caught], 'not_spam')
  for (let round = 0; round < 3; round++) await h.t.deps.outbox.kick()
  expect(smtp.received).toHaveLength(1)
})
