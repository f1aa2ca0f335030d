import { readFileSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { z } from 'zod'
import type { DevMail, DevMailStore } from './dev.ts'

// What a kept file must hold to be shown: a file edited by hand, or written by another version,
// is read as far as it fits and never reaches the page as anything but these strings.
const keptMail = z.object({
  from: z.string(),
  to: z.array(z.string()),
  replyTo: z.string().optional(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  messageId: z.string(),
  headers: z.record(z.string(), z.string()).optional(),
  sentAt: z.number(),
})

/**
 * Keeps the development mailbox in a JSON file (on Node, beside the database file), so the
 * messages on `/dev/mail` survive a restart. The file holds verification and password-reset
 * links: it is written readable by its owner only. Each save replaces the whole file through a
 * temporary one, so a process killed mid-write leaves the previous file, never half of one.
 *
 * @example
 * const store = fileDevMailStore('data/dev-mail.json')
 * const dev = createDevMailTransport({ log, store })
 */
export function fileDevMailStore(path: string): DevMailStore {
  // Saves run one after another: two sends close together must not interleave their writes.
  let writing: Promise<void> = Promise.resolve()
  // A save waiting for the one being written. Each save holds the whole mailbox, so saves that
  // pile up behind a write collapse into one: a burst of emails rewrites the file once, not
  // once per email.
  let queued: { messages: readonly DevMail[]; written: Promise<void> } | null = null
  return {
    where: `in ${basename(path)} beside the database, across restarts`,

    load() {
      let text: string
      try {
        text = readFileSync(path, 'utf8')
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
        throw error
      }
      const parsed = z.object({ messages: z.array(z.unknown()) }).parse(JSON.parse(text))
      return parsed.messages.flatMap((entry) => {
        const mail = keptMail.safeParse(entry)
        return mail.success ? [mail.data as DevMail] : []
      })
    },

    save(messages) {
      if (queued) {
        queued.messages = messages
        return queued.written
      }
      const next: { messages: readonly DevMail[]; written: Promise<void> } = {
        messages,
        written: Promise.resolve(),
      }
      queued = next
      next.written = writing.then(async () => {
        // From here on, a save queues the next write: this one may already be on its way.
        queued = null
        const temporary = `${path}.tmp`
        await writeFile(temporary, JSON.stringify({ messages: next.messages }), { mode: 0o600 })
        await rename(temporary, path)
      })
      writing = next.written.catch(() => {})
      return next.written
    },
  }
}
