import { expect, it } from 'vitest'
import { defaultStrings, format, mergeStrings } from './strings.ts'

it('replaces only the strings given, errors entry by entry', () => {
  const strings = mergeStrings(defaultStrings, {
    formSent: 'Merci !',
    errors: { RATE_LIMITED: 'Doucement.' },
  })
  expect(strings.formSent).toBe('Merci !')
  expect(strings.formSending).toBe(defaultStrings.formSending)
  expect(strings.errors).toEqual({ ...defaultStrings.errors, RATE_LIMITED: 'Doucement.' })
  // The defaults themselves are never changed.
  expect(defaultStrings.formSent).toBe('Thank you! Your message has been sent.')
})

it('ignores what is not a string, so a mistake cannot blank a message', () => {
  const changes = JSON.parse('{"formSent": null, "formSending": 3, "errors": {"TIMEOUT": {}}}')
  expect(mergeStrings(defaultStrings, changes)).toEqual(defaultStrings)
  expect(mergeStrings(defaultStrings, undefined)).toEqual(defaultStrings)
})

it('fills placeholders, and picks the form for one or for others by the count', () => {
  expect(format('Signed in as {name}', { name: 'Ada' })).toBe('Signed in as Ada')
  expect(format('{count} post|{count} posts', { count: 1 })).toBe('1 post')
  expect(format('{count} post|{count} posts', { count: 0 })).toBe('0 posts')
  expect(format('{count} post|{count} posts', { count: 12 })).toBe('12 posts')
  // Missing values stay visible rather than becoming "undefined"; without a count, | is text.
  expect(format('wait {seconds} s', {})).toBe('wait {seconds} s')
  expect(format('a | b')).toBe('a | b')
})
