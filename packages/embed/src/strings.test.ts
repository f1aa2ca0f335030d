import { expect, it } from 'vitest'
import { defaultStrings, mergeStrings } from './strings.ts'

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
