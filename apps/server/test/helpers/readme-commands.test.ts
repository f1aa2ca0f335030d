// The README doc test reads shell lines and curl commands itself (no shell, no curl binary):
// what it reads must be what a shell and curl would do, or a sample could pass here and fail
// for the reader.
import { describe, expect, it } from 'vitest'
import { commandLines, curlRequest, shellWords } from './readme-commands.ts'

describe('shellWords', () => {
  it('splits as a shell does: quotes, escapes, and comments', () => {
    expect(
      shellWords(`npx porchlight site create --name "My site" --origin https://example.com`),
    ).toEqual([
      'npx',
      'porchlight',
      'site',
      'create',
      '--name',
      'My site',
      '--origin',
      'https://example.com',
    ])
    expect(shellWords(`echo 'a "b"' "c \\"d\\" \\n" e\\ f ""   # a comment`)).toEqual([
      'echo',
      'a "b"',
      'c "d" \\n',
      'e f',
      '',
    ])
    expect(shellWords('npm start        # Porchlight on http://localhost:8787')).toEqual([
      'npm',
      'start',
    ])
    expect(shellWords('curl http://x.example/#top')).toEqual(['curl', 'http://x.example/#top'])
    expect(() => shellWords(`echo "open`)).toThrow(/unclosed/)
  })

  it('keeps a quote open across lines, as a shell does (a JSON body over several lines)', () => {
    const code = `curl -d '{\n  "id": "contact"\n}' http://x.example\nnpm test`
    expect(commandLines(code).map((line) => line.words)).toEqual([
      ['curl', '-d', '{\n  "id": "contact"\n}', 'http://x.example'],
      ['npm', 'test'],
    ])
    expect(() => commandLines(`echo 'never closed\nnpm test`)).toThrow(/unclosed/)
  })

  it('joins continued lines and leaves out blank and comment lines', () => {
    const code = '# first\ncurl -H "A: b" \\\n  http://x.example\n\nnpm test\n'
    expect(commandLines(code).map((line) => line.words)).toEqual([
      ['curl', '-H', 'A: b', 'http://x.example'],
      ['npm', 'test'],
    ])
  })
})

describe('curlRequest', () => {
  it('sends what curl would send', () => {
    const get = curlRequest([
      'curl',
      '-sS',
      '-H',
      'X-Porchlight-Key: pk_x',
      'http://x.example/v1/site',
    ])
    expect(get.url).toBe('http://x.example/v1/site')
    expect(get.init.method).toBe('GET')
    expect(get.init.headers.get('x-porchlight-key')).toBe('pk_x')
    expect(get.init.body).toBeUndefined()

    const form = curlRequest(['curl', '-d', 'email=a@b.example', 'http://x.example/f'])
    expect([form.init.method, form.init.headers.get('content-type'), form.init.body]).toEqual([
      'POST',
      'application/x-www-form-urlencoded',
      'email=a@b.example',
    ])

    const patch = curlRequest([
      'curl',
      '-X',
      'PATCH',
      '-d',
      '{"a":1}',
      '-H',
      'Content-Type: application/json',
      'http://x.example/p',
    ])
    expect([patch.init.method, patch.init.headers.get('content-type')]).toEqual([
      'PATCH',
      'application/json',
    ])

    const json = curlRequest(['curl', '--json', '{"a":1}', 'http://x.example/j'])
    expect([json.init.method, json.init.headers.get('content-type')]).toEqual([
      'POST',
      'application/json',
    ])
  })

  it('refuses what it does not understand, rather than send something else', () => {
    expect(() => curlRequest(['curl', '-u', 'me:pw', 'http://x.example'])).toThrow(/-u/)
    expect(() => curlRequest(['curl', '-H'])).toThrow(/needs a value/)
    expect(() => curlRequest(['curl', '-s'])).toThrow(/no URL/)
  })
})
