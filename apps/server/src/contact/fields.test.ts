import { describe, expect, it } from 'vitest'
import { ApiError } from '../http/errors.ts'
import { type Fields, isEmail, normalizeText, submitterEmail, validateFields } from './fields.ts'
import { type FormSettings, formSettingsSchema } from './schemas.ts'

const settings = (input: Record<string, unknown> = {}) => formSettingsSchema.parse(input)

describe('normalizeText', () => {
  it.each([
    { name: 'composes to NFC', input: 'Cafe\u0301', output: 'Caf\u00e9' },
    {
      name: 'keeps text already in NFC',
      input: 'Caf\u00e9 \u4e2d\u6587 \u{1f600}',
      output: 'Caf\u00e9 \u4e2d\u6587 \u{1f600}',
    },
    { name: 'turns CRLF into LF', input: 'one\r\ntwo\r\nthree', output: 'one\ntwo\nthree' },
    { name: 'turns a lone CR into LF', input: 'one\rtwo', output: 'one\ntwo' },
    { name: 'keeps blank lines', input: 'one\r\n\r\ntwo', output: 'one\n\ntwo' },
    { name: 'keeps tabs and newlines inside', input: 'a\tb\nc', output: 'a\tb\nc' },
    {
      name: 'removes C0 controls',
      input: 'a\u0000b\u0007c\u001bd\u000be\u000cf',
      output: 'abcdef',
    },
    { name: 'removes DEL and C1 controls', input: 'a\u007fb\u0085c\u009bd', output: 'abcd' },
    { name: 'trims surrounding white space', input: ' \t\n hello \r\n ', output: 'hello' },
    { name: 'trims what controls exposed', input: '\u0000 hi \u0000', output: 'hi' },
    { name: 'leaves an empty string empty', input: '', output: '' },
    { name: 'makes white space alone empty', input: ' \r\n\t ', output: '' },
    {
      // Regression: composing before stripping left "e" + U+0301 where a control had sat
      // between them, so the stored value was not NFC.
      name: 'composes across a removed control character',
      input: 'e\u0000\u0301',
      output: '\u00e9',
    },
    {
      name: 'leaves SQL and markup alone',
      input: `'); DROP TABLE x; -- <b>`,
      output: `'); DROP TABLE x; -- <b>`,
    },
  ])('$name', ({ input, output }) => {
    expect(normalizeText(input)).toBe(output)
    // Normalising twice changes nothing.
    expect(normalizeText(output)).toBe(output)
  })
})

describe('isEmail', () => {
  it.each([
    'ann@example.com',
    'Ann.Lee+tag@mail.example.co.uk',
    "o'brien@example.ie",
    'j\u00f6rg@b\u00fccher.example',
    `${'a'.repeat(64)}@${'b'.repeat(185)}.com`, // 254 characters
  ])('accepts %s', (value) => {
    expect(isEmail(value)).toBe(true)
  })

  it.each([
    '',
    'ann',
    'ann@',
    '@example.com',
    'ann@example',
    'ann@.com',
    'ann @example.com',
    'ann@exa mple.com',
    'ann@@example.com',
    'ann@example.com\nBcc: x@evil.example',
    '"Ann" <ann@example.com>',
    'ann@example.com, bob@example.com',
    'ann;bob@example.com',
    'ann@[127.0.0.1]',
    `${'a'.repeat(64)}@${'b'.repeat(186)}.com`, // 255 characters
  ])('refuses %j', (value) => {
    expect(isEmail(value)).toBe(false)
  })
})

describe('validateFields', () => {
  const rules = settings({
    fields: {
      email: { type: 'email', required: true },
      message: { required: true, maxLength: 10 },
      website: { type: 'text' },
    },
    maxFieldLength: 20,
    maxFields: 5,
  })

  type Case = { name: string; fields: Fields; errors: Record<string, string>; strict?: boolean }
  const cases: Case[] = [
    { name: 'a valid submission', fields: { email: 'a@b.co', message: 'hi' }, errors: {} },
    {
      name: 'required fields absent',
      fields: {},
      errors: { email: 'Required.', message: 'Required.' },
    },
    {
      name: 'required fields empty, or an empty list',
      fields: { email: '', message: [] },
      errors: { email: 'Required.', message: 'Required.' },
    },
    {
      name: 'an optional field left empty',
      fields: { email: 'a@b.co', message: 'hi', website: '' },
      errors: {},
    },
    {
      name: 'an email field without an address',
      fields: { email: 'nope', message: 'hi' },
      errors: { email: 'Must be an email address.' },
    },
    {
      name: 'an email field as a list: the first value counts',
      fields: { email: ['a@b.co', 'nope'], message: 'hi' },
      errors: {},
    },
    {
      name: "exactly a field's maxLength",
      fields: { email: 'a@b.co', message: 'x'.repeat(10) },
      errors: {},
    },
    {
      name: "one over a field's maxLength, which beats maxFieldLength",
      fields: { email: 'a@b.co', message: 'x'.repeat(11) },
      errors: { message: 'Must be at most 10 characters.' },
    },
    {
      name: 'one over maxFieldLength for a field without its own',
      fields: { email: 'a@b.co', message: 'hi', other: 'x'.repeat(21) },
      errors: { other: 'Must be at most 20 characters.' },
    },
    {
      name: 'any value of a list over the limit',
      fields: { email: 'a@b.co', message: ['ok', 'x'.repeat(11)] },
      errors: { message: 'Must be at most 10 characters.' },
    },
    {
      name: 'a required field that is too long reports the length',
      fields: { email: 'a@b.co', message: 'x'.repeat(50) },
      errors: { message: 'Must be at most 10 characters.' },
    },
    {
      name: 'a field name over 100 characters, reported cut to 100',
      fields: { email: 'a@b.co', message: 'hi', ['n'.repeat(101)]: 'x' },
      errors: { ['n'.repeat(100)]: 'Field names may be at most 100 characters.' },
    },
    {
      name: 'unknown fields kept on a lax form',
      fields: { email: 'a@b.co', message: 'hi', phone: '1', toString: 'x' },
      errors: {},
    },
    {
      name: 'unknown fields refused on a strict form',
      strict: true,
      fields: { email: 'a@b.co', message: 'hi', phone: '1' },
      errors: { phone: 'Unknown field.' },
    },
    {
      // Regression: `settings.fields.toString` found Object.prototype's function, so a strict
      // form took these for configured fields.
      name: 'names of Object.prototype members are unknown on a strict form',
      strict: true,
      fields: { email: 'a@b.co', message: 'hi', toString: 'x', constructor: 'y' },
      errors: { toString: 'Unknown field.', constructor: 'Unknown field.' },
    },
    {
      name: 'every problem at once',
      strict: true,
      fields: { email: 'nope', message: 'x'.repeat(11), phone: '1' },
      errors: {
        email: 'Must be an email address.',
        message: 'Must be at most 10 characters.',
        phone: 'Unknown field.',
      },
    },
  ]

  it.each(cases)('$name', ({ fields, errors, strict }) => {
    expect(validateFields(fields, { ...rules, strict: strict ?? false })).toEqual(errors)
  })

  it('throws TOO_MANY_FIELDS over maxFields, and takes exactly maxFields', () => {
    const five: Fields = { email: 'a@b.co', message: 'hi', a: '1', b: '2', c: '3' }
    expect(validateFields(five, rules)).toEqual({})
    const six = { ...five, d: '4' }
    expect(() => validateFields(six, rules)).toThrow(ApiError)
    try {
      validateFields(six, rules)
    } catch (error) {
      expect(error).toMatchObject({ status: 422, code: 'TOO_MANY_FIELDS' })
    }
  })

  it('accepts anything on a form with default settings', () => {
    expect(validateFields({ anything: 'goes', list: ['a', 'b'] }, settings())).toEqual({})
  })
})

describe('submitterEmail', () => {
  const typed = settings({ fields: { contact: { type: 'email' }, email: { type: 'text' } } })

  type Case = { name: string; fields: Fields; rules: FormSettings; email: string | undefined }
  it.each<Case>([
    {
      name: 'the first email-typed field, lower-cased',
      fields: { contact: 'Ann@Example.COM', email: 'other@example.com' },
      rules: typed,
      email: 'ann@example.com',
    },
    {
      name: 'a field named email when none is typed',
      fields: { name: 'Ann', email: 'ann@example.com' },
      rules: settings(),
      email: 'ann@example.com',
    },
    {
      name: 'a field named Email, in any case',
      fields: { Email: 'ANN@example.com' },
      rules: settings(),
      email: 'ann@example.com',
    },
    {
      name: 'the first value of a list',
      fields: { email: ['ann@example.com', 'bob@example.com'] },
      rules: settings(),
      email: 'ann@example.com',
    },
    {
      name: 'nothing when the value is not an address',
      fields: { email: 'ann at example' },
      rules: settings(),
      email: undefined,
    },
    {
      name: 'nothing when the value is empty',
      fields: { email: '' },
      rules: settings(),
      email: undefined,
    },
    {
      name: 'nothing when there is no such field',
      fields: { name: 'Ann', message: 'hi' },
      rules: settings(),
      email: undefined,
    },
    {
      name: 'nothing from a header-injection attempt',
      fields: { email: 'ann@example.com\nBcc: x@evil.example' },
      rules: settings(),
      email: undefined,
    },
  ])('$name', ({ fields, rules, email }) => {
    expect(submitterEmail(fields, rules)).toBe(email)
  })
})
