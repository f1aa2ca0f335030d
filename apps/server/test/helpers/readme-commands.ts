// The shell lines of a README's `sh` blocks, read well enough to run them without a shell: the
// doc test translates each into a process or a request itself, so it needs neither `sh` nor the
// `curl` binary, and a line it cannot read fails the test instead of running half-understood.

/** One command of a block: its words, and its text as the README shows it (for messages). */
export type CommandLine = { words: string[]; text: string }

/**
 * Splits a line into words as a POSIX shell would for the quoting READMEs use: '…' and "…"
 * (with `\"` and `\\` inside double quotes), backslash escapes, and `#` comments.
 */
export function shellWords(line: string): string[] {
  const words: string[] = []
  let word = ''
  // Whether a word has started: `""` is a word, empty but there.
  let inWord = false
  let quote: "'" | '"' | null = null
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string
    if (quote === "'") {
      if (char === "'") quote = null
      else word += char
    } else if (quote === '"') {
      if (char === '"') quote = null
      else if (char === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) word += line[++i] ?? ''
      else word += char
    } else if (/\s/.test(char)) {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else if (char === '#' && !inWord) {
      break
    } else {
      inWord = true
      if (char === "'" || char === '"') quote = char
      else if (char === '\\') word += line[++i] ?? ''
      else word += char
    }
  }
  if (quote) throw new Error(`unclosed ${quote} in: ${line}`)
  if (inWord) words.push(word)
  return words
}

/**
 * The commands of an `sh` block: continued lines joined, blank and comment-only lines left out.
 * A quote left open at the end of a line goes on to the next (a JSON body over several lines).
 */
export function commandLines(code: string): CommandLine[] {
  const lines: CommandLine[] = []
  let pending = ''
  for (const line of code.replace(/\\\n/g, ' ').split('\n')) {
    const text = pending ? `${pending}\n${line}` : line
    let words: string[]
    try {
      words = shellWords(text)
    } catch (error) {
      if (!/^unclosed/.test((error as Error).message)) throw error
      pending = text
      continue
    }
    pending = ''
    if (words.length > 0) lines.push({ text: text.trim(), words })
  }
  if (pending) shellWords(pending) // throws: the block ends inside a quote
  return lines
}

/** What a `curl` command line asks for, as a `fetch` request. */
export type CurlRequest = { url: string; init: RequestInit & { headers: Headers } }

/**
 * Translates `curl …` words into a request: `-H`/`--header`, `-X`/`--request`,
 * `-d`/`--data`/`--data-raw`, `--json`, the URL, and the flags that only change curl's output
 * (`-s`, `-S`, `-i`, `-f`…). Any other option throws, so a README that starts using one makes
 * this test learn it rather than ignore it.
 */
export function curlRequest(words: string[]): CurlRequest {
  if (words[0] !== 'curl') throw new Error(`not a curl command: ${words.join(' ')}`)
  const headers = new Headers()
  let method: string | undefined
  let body: string | undefined
  let url: string | undefined
  // Flags that change what curl prints, not what it sends.
  const outputOnly = /^(-[sSif]+|--silent|--show-error|--include|--fail)$/
  const value = (i: number) => {
    const next = words[i + 1]
    if (next === undefined) throw new Error(`${words[i]} needs a value`)
    return next
  }
  for (let i = 1; i < words.length; i++) {
    const word = words[i] as string
    if (word === '-H' || word === '--header') {
      const [name = '', ...rest] = value(i++).split(':')
      headers.set(name.trim(), rest.join(':').trim())
    } else if (word === '-X' || word === '--request') {
      method = value(i++)
    } else if (word === '-d' || word === '--data' || word === '--data-raw') {
      body = value(i++)
    } else if (word === '--json') {
      body = value(i++)
      headers.set('content-type', 'application/json')
      headers.set('accept', 'application/json')
    } else if (outputOnly.test(word)) {
      // Nothing to send.
    } else if (word.startsWith('-')) {
      throw new Error(`the doc test does not know the curl option ${word}`)
    } else if (url === undefined) {
      url = word
    } else {
      throw new Error(`two URLs in: ${words.join(' ')}`)
    }
  }
  if (!url) throw new Error(`no URL in: ${words.join(' ')}`)
  // curl's type for -d, unless a header gave one.
  if (body !== undefined && !headers.has('content-type')) {
    headers.set('content-type', 'application/x-www-form-urlencoded')
  }
  // Like curl: POST when there is a body and no -X.
  return {
    url,
    init: {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers,
      ...(body !== undefined && { body }),
    },
  }
}
