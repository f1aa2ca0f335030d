import { expect, it } from 'vitest'
import { formIdFromAction } from './forms.ts'

// The rest of forms.ts needs a browser: test/browser.test.ts.

const api = 'https://api.example.com'

it.each([
  [`${api}/v1/forms/contact/submissions?key=pk_1`, 'contact'],
  [`${api}/v1/forms/contact/submissions/`, 'contact'],
  [`${api}/v1/forms/caf%C3%A9/submissions`, 'café'],
  [`${api}/v1/forms/contact/challenge`, null],
  [`${api}/v1/forms/a/b/submissions`, null],
  [`https://other.example.com/v1/forms/contact/submissions`, null],
  [`${api}/v2/forms/contact/submissions`, null],
])('finds the form id in %s: %s', (action, id) => {
  expect(formIdFromAction(action, api)).toBe(id)
})

it('honours an API base with a path', () => {
  const base = 'https://www.example.com/porchlight'
  expect(formIdFromAction(`${base}/v1/forms/contact/submissions`, base)).toBe('contact')
  expect(formIdFromAction('https://www.example.com/v1/forms/contact/submissions', base)).toBeNull()
})
