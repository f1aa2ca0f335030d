import { describe, expect, it } from 'vitest'
import { readConfig, type ScriptTag } from './config.ts'

const tag = (src: string, dataset: Record<string, string> = {}): ScriptTag => ({ src, dataset })
const page = 'https://www.example.com/contact.html'

describe('readConfig', () => {
  it('takes the key from data-key and the API from the origin the script came from', () => {
    expect(readConfig(tag('https://api.example.com/embed.js', { key: 'pk_1' }), page)).toEqual({
      key: 'pk_1',
      url: 'https://api.example.com',
      session: 'bearer',
    })
    // The versioned URL has a path of its own; only the origin counts.
    expect(readConfig(tag('https://api.example.com/embed/0.1.0/embed.js'), page).url).toBe(
      'https://api.example.com',
    )
  })

  it('prefers data-api (a script from a CDN), resolved against the page, without a trailing slash', () => {
    const cdn = 'https://unpkg.com/@porchlight/embed'
    expect(readConfig(tag(cdn, { api: 'https://api.example.com/' }), page).url).toBe(
      'https://api.example.com',
    )
    expect(readConfig(tag(cdn, { api: '/porchlight' }), page).url).toBe(
      'https://www.example.com/porchlight',
    )
    // A value that is no URL at all is ignored rather than breaking every form.
    expect(readConfig(tag(cdn, { api: 'http://' }), page).url).toBe('https://unpkg.com')
  })

  it('uses cookie sessions only when asked, and the page origin without a tag', () => {
    expect(readConfig(tag('/embed.js', { session: 'cookie' }), page).session).toBe('cookie')
    expect(readConfig(tag('/embed.js', { session: 'Cookie!' }), page).session).toBe('bearer')
    expect(readConfig(null, page)).toEqual({
      key: '',
      url: 'https://www.example.com',
      session: 'bearer',
    })
  })
})
