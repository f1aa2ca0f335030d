import { describe, expect, it } from 'vitest'
import { apiQueryOf, filtersFrom, queryOf } from './inbox-filters.ts'
import { statusAfter, staysListed } from './inbox-moves.ts'

describe('the inbox’s optimistic moves', () => {
  it('follows the API’s rules for each action', () => {
    expect(statusAfter('read', 'new')).toBe('read')
    expect(statusAfter('read', 'spam')).toBe('spam')
    expect(statusAfter('archive', 'spam')).toBe('archived')
    expect(statusAfter('spam', 'read')).toBe('spam')
    expect(statusAfter('not_spam', 'spam')).toBe('new')
    expect(statusAfter('not_spam', 'archived')).toBe('archived')
    expect(statusAfter('delete', 'new')).toBeNull()
  })

  it('drops a submission from a list filtered to another status, and a deleted one from any', () => {
    expect(staysListed('archived', 'new')).toBe(false)
    expect(staysListed('archived', undefined)).toBe(true)
    expect(staysListed('spam', 'spam')).toBe(true)
    expect(staysListed(null, undefined)).toBe(false)
  })
})

describe('the inbox’s filters in the URL', () => {
  it('round-trips, and ignores what is malformed', () => {
    const filters = filtersFrom({
      form: 'contact',
      status: 'spam',
      reason: 'honeypot',
      from: '2027-01-02',
      to: 'yesterday',
      q: '  ferns ',
    })
    expect(filters).toEqual({
      form: 'contact',
      status: 'spam',
      spamReason: 'honeypot',
      from: '2027-01-02',
      q: 'ferns',
    })
    expect(filtersFrom(Object.fromEntries(new URLSearchParams(queryOf(filters).slice(1))))).toEqual(
      filters,
    )
    expect(filtersFrom({ status: 'deleted' })).toEqual({})
    expect(queryOf({})).toBe('')
  })

  it('asks the API from the operator’s midnight through the end of the "to" day', () => {
    expect(apiQueryOf({ from: '2027-01-30', to: '2027-01-31' })).toMatchObject({
      from: String(new Date(2027, 0, 30).getTime()),
      to: String(new Date(2027, 1, 1).getTime()),
    })
  })
})
