import { CliError } from './output.ts'

/**
 * What came after the end of a line: a password manager or a paste may deliver both answers
 * (password and confirmation) in one chunk, and the second prompt must not wait for more.
 */
let typedAhead = ''

/**
 * Reads one line from the terminal without showing it, for a password. Only from a terminal:
 * a script must set the password in the environment instead of piping it in unseen.
 */
export function readHiddenLine(prompt: string): Promise<string> {
  const { stdin, stderr } = process
  if (!stdin.isTTY) {
    return Promise.reject(
      new CliError('No terminal to ask for the password: set PORCHLIGHT_PASSWORD instead.'),
    )
  }
  stderr.write(prompt)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  return new Promise((resolve, reject) => {
    let typed = ''
    const finish = () => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      stderr.write('\n')
    }
    /** Takes typed characters; true once the line is complete (or cancelled). */
    function take(text: string): boolean {
      const chars = [...text]
      for (const [i, char] of chars.entries()) {
        if (char === '\r' || char === '\n') {
          // "\r\n" from a paste is one line end, not an empty second line.
          const rest = chars.slice(i + 1).join('')
          typedAhead = char === '\r' && rest.startsWith('\n') ? rest.slice(1) : rest
          finish()
          resolve(typed)
          return true
        }
        // Ctrl-C and Ctrl-D: the person changed their mind.
        if (char === '\u0003' || char === '\u0004') {
          typedAhead = ''
          finish()
          reject(new CliError('Cancelled; nothing was changed.'))
          return true
        }
        if (char === '\u007f' || char === '\b') typed = [...typed].slice(0, -1).join('')
        else typed += char
      }
      return false
    }
    function onData(chunk: string) {
      take(chunk)
    }
    stdin.on('data', onData)
    const ahead = typedAhead
    typedAhead = ''
    if (!take(ahead)) stdin.resume()
  })
}
