import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createTestApp,
  createTestSite,
  manualClock,
  type TestApp,
  type TestSite,
} from '../../test/helpers/app.ts'
import { rows } from '../../test/helpers/http.ts'
import { type OwnerApi, ownerApi, submitForId } from '../../test/helpers/owner-api.ts'
import { csvCell, csvRow } from './csv.ts'

/** RFC 4180, as a spreadsheet reads it: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = []
  let record: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"') quoted = true
    else if (char === ',') {
      record.push(cell)
      cell = ''
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(cell)
      records.push(record)
      record = []
      cell = ''
      i++
    } else cell += char
  }
  if (quoted) throw new Error('CSV ends inside a quoted cell')
  if (cell !== '' || record.length > 0) throw new Error('CSV does not end with CRLF')
  return records
}

describe('csvCell', () => {
  it.each([
    ['plain text', 'Hello', '"Hello"'],
    ['empty', '', '""'],
    ['a comma', 'a,b', '"a,b"'],
    ['quotes, doubled', 'She said "hi"', '"She said ""hi"""'],
    ['a line break', 'one\ntwo', '"one\ntwo"'],
    ['CRLF inside', 'one\r\ntwo', '"one\r\ntwo"'],
    ['a formula', '=1+1', `"'=1+1"`],
    ['a plus', '+1', `"'+1"`],
    ['a minus', '-1', `"'-1"`],
    ['an at sign', '@SUM(A1)', `"'@SUM(A1)"`],
    ['a leading tab', '\t=cmd', `"'\t=cmd"`],
    ['a leading carriage return', '\r=cmd', `"'\r=cmd"`],
    ['a formula that also quotes', '=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['a formula sign later on', 'a=1', '"a=1"'],
    ['a leading space before =', ' =1', '" =1"'],
  ])('%s', (_, value, expected) => {
    expect(csvCell(value)).toBe(expected)
    // Read back, the value is what was stored, plus the apostrophe for anything formula-like.
    expect(parseCsv(`${expected}\r\n`)).toEqual([[expected.startsWith(`"'`) ? `'${value}` : value]])
  })

  it('csvRow joins quoted cells with commas and ends the record with CRLF', () => {
    expect(csvRow(['a', '=b', 'c"d'])).toBe(`"a","'=b","c""d"\r\n`)
    expect(csvRow([])).toBe('\r\n')
  })
})

describe('GET /v1/admin/submissions.csv', () => {
  let t: TestApp
  let clock: ReturnType<typeof manualClock>
  let site: TestSite
  let owner: OwnerApi

  beforeEach(async () => {
    clock = manualClock()
    t = await createTestApp({ clock, handlers: { email: async () => {} } })
    site = await createTestSite(t)
    owner = ownerApi(t, site)
    await owner.createForm({
      id: 'contact',
      name: 'Contact',
      settings: {
        // Configured order: these columns come first, in this order.
        fields: { name: {}, email: { type: 'email' }, message: {} },
        rateLimits: { perAddressPerHour: 100_000, perFormPerHour: 1_000_000 },
        // No duplicate lookup per submission: the large export below makes hundreds.
        spam: { maxLinks: 10, duplicateWindowMinutes: 0 },
      },
    })
    await owner.createForm({ id: 'quote', name: 'Quote' })
  })
  afterEach(async () => {
    await t.deps.outbox.kick()
    await t.close()
  })

  async function exportCsv(query = '') {
    const res = await owner.request(`/submissions.csv${query}`)
    expect(res.status).toBe(200)
    const bytes = new Uint8Array(await res.arrayBuffer())
    // `Response.text()` would drop the BOM; it is what makes Excel read the file as UTF-8.
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
    return { res, bytes, text, records: parseCsv(text.replace(/^\uFEFF/, '')) }
  }

  it('starts with a BOM and a header of fixed columns, then configured fields, then the rest', async () => {
    const id = await submitForId(t, site, 'contact', [
      ['zeta', 'z'],
      ['message', 'Hello'],
      ['alpha', 'a'],
      ['name', 'Ada'],
      ['email', 'Ada@Example.com'],
      ['=evil', 'x'],
      ['topic', 'garden'],
      ['topic', 'kitchen'],
    ])
    const { res, bytes, records } = await exportCsv('?form=contact')
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="submissions-contact.csv"',
    )
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])

    expect(records).toEqual([
      [
        'id',
        'created_at',
        'form',
        'status',
        'sender_email',
        'name',
        'email',
        'message',
        // A field name is a cell too: one that looks like a formula is neutralised.
        "'=evil",
        'alpha',
        'topic',
        'zeta',
      ],
      [
        id,
        '2026-11-21T12:00:00.000Z',
        'contact',
        'new',
        'ada@example.com',
        'Ada',
        'Ada@Example.com',
        'Hello',
        'x',
        'a',
        'garden; kitchen',
        'z',
      ],
    ])
  })

  it('neutralises formula-like values and keeps quotes and line breaks intact', async () => {
    const values = {
      name: '=1+1',
      email: '',
      message: 'She said "hi",\nthen left.\r\nThe end.',
      plus: '+1',
      minus: '-1',
      at: '@SUM(A1)',
      // Surrounding white space is trimmed on submission, so the tab never reaches the CSV;
      // the formula after it is neutralised all the same.
      tabbed: '\t=HYPERLINK("http://evil.example","click")',
      safe: 'a=b',
    }
    const id = await submitForId(t, site, 'contact', values)
    const { records } = await exportCsv('?form=contact')
    const [header, row] = records
    const cells = Object.fromEntries(header?.map((name, i) => [name, row?.[i]]) ?? [])
    expect(cells).toEqual({
      id,
      created_at: '2026-11-21T12:00:00.000Z',
      form: 'contact',
      status: 'new',
      sender_email: '',
      name: "'=1+1",
      email: '',
      message: 'She said "hi",\nthen left.\nThe end.',
      plus: "'+1",
      minus: "'-1",
      at: "'@SUM(A1)",
      tabbed: `'=HYPERLINK("http://evil.example","click")`,
      safe: 'a=b',
    })
    expect(records).toHaveLength(2)
  })

  it('applies the form, status and search filters', async () => {
    const hello = await submitForId(t, site, 'contact', { message: 'hello there' })
    clock.advance(1000)
    const spam = await submitForId(t, site, 'contact', { message: 'buy now', _gotcha: 'x' })
    clock.advance(1000)
    const quote = await submitForId(t, site, 'quote', { budget: '100' })

    const ids = async (query: string) => (await exportCsv(query)).records.slice(1).map((r) => r[0])
    expect(await ids('')).toEqual([quote, spam, hello])
    expect(await ids('?form=contact')).toEqual([spam, hello])
    expect(await ids('?status=spam')).toEqual([spam])
    expect(await ids('?q=hello')).toEqual([hello])
    expect(await ids('?form=quote&q=hello')).toEqual([])

    // Without a form, the columns are every field name used by the matching rows, sorted.
    expect((await exportCsv('')).records[0]?.slice(5)).toEqual(['budget', 'message'])
    expect((await exportCsv('?form=quote')).records[0]?.slice(5)).toEqual(['budget'])
    // An empty export is still a valid file: BOM and header.
    const empty = await exportCsv('?q=nothing-matches')
    expect(empty.records).toEqual([['id', 'created_at', 'form', 'status', 'sender_email']])

    const bad = await owner.request('/submissions.csv?status=nope')
    expect(bad.status).toBe(422)
  })

  it('streams every row of a large export, across its internal pages of 500', async () => {
    const made = new Set<string>()
    // One full internal page and one row more.
    for (let n = 0; n < 501; n++) {
      // Several submissions per millisecond: page boundaries fall inside equal timestamps.
      if (n % 7 === 0) clock.advance(1)
      made.add(await submitForId(t, site, 'contact', { message: `message ${n}` }))
    }
    const { records } = await exportCsv('?form=contact')
    const ids = records.slice(1).map((r) => r[0] ?? '')
    expect(ids).toHaveLength(501)
    expect(new Set(ids)).toEqual(made)
    const created = records.slice(1).map((r) => r[1] ?? '')
    expect(created).toEqual([...created].sort().reverse())
    const [count] = await rows(t.deps.client, 'SELECT count(*) AS n FROM submissions')
    expect(count?.n).toBe(501)
  }, 120_000)
})
