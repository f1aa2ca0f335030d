import { afterEach, describe, expect, it } from 'vitest'
import { memoryLogger } from '../../test/helpers/app.ts'
import { startTestSmtpServer, type TestSmtpServer } from '../../test/helpers/smtp.ts'
import { loadConfig } from '../config.ts'
import { createSmtpTransport } from './smtp.ts'
import { createMailTransport, MailSetupError } from './transport.ts'

const message = {
  from: 'a@porchlight.example',
  to: ['o@site.example'],
  subject: 'Hi',
  text: 'Hi',
  html: '<p>Hi</p>',
  messageId: '<job_t@porchlight.example>',
}

let server: TestSmtpServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('createMailTransport', () => {
  it('uses the dev transport by default, and offers it for /dev/mail', async () => {
    const mail = createMailTransport(loadConfig({}).mail, { log: memoryLogger() })
    expect(mail.name).toBe('dev')
    await mail.transport.send(message)
    expect(mail.devMail?.messages().map((m) => m.subject)).toEqual(['Hi'])
  })

  it('builds Resend from its key and base URL', async () => {
    const urls: string[] = []
    const config = loadConfig({
      MAIL_TRANSPORT: 'resend',
      RESEND_API_KEY: 're_x',
      RESEND_BASE_URL: 'https://resend.test/',
    }).mail
    const mail = createMailTransport(config, {
      log: memoryLogger(),
      fetch: async (input) => {
        urls.push(String(input))
        return new Response('{"id":"1"}')
      },
    })
    await mail.transport.send(message)
    expect([mail.name, mail.devMail, urls]).toEqual([
      'resend',
      null,
      ['https://resend.test/emails'],
    ])
  })

  it('refuses SMTP on a runtime that cannot open sockets, naming the fix', () => {
    const config = loadConfig({
      MAIL_TRANSPORT: 'smtp',
      SMTP_URL: 'smtp://u:p@127.0.0.1:2525',
    }).mail
    expect(() => createMailTransport(config, { log: memoryLogger() })).toThrow(MailSetupError)
    expect(() => createMailTransport(config, { log: memoryLogger() })).toThrow(
      /MAIL_TRANSPORT=resend/,
    )
  })

  it('builds SMTP with the factory the Node entry passes', async () => {
    server = await startTestSmtpServer()
    const config = loadConfig({ MAIL_TRANSPORT: 'smtp', SMTP_URL: server.url }).mail
    const mail = createMailTransport(config, {
      log: memoryLogger(),
      smtp: (smtpUrl) => createSmtpTransport({ url: smtpUrl }),
    })
    await mail.transport.send(message)
    await mail.close()
    expect(mail.name).toBe('smtp')
    expect(server.received.map((m) => m.headers.get('message-id'))).toEqual([message.messageId])
  })
})
