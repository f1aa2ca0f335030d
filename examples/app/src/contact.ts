import { onSubmit } from './forms.ts'
import { client } from './porchlight.ts'

/** The form's id on the server. The demo site that `npm start` creates has one named "contact". */
const formId = 'contact'

/** The contact form: sent with the SDK, which solves the spam challenge in the page. */
export function mountContactForm(form: HTMLFormElement): void {
  // Fetch and solve the proof-of-work challenge while the visitor types, so that sending is
  // instant. Not in the submit handler: prepare() also starts the time trap, which takes a
  // message sent within about 3 seconds of it for a bot's.
  form.addEventListener('focusin', () => client.contactForm.prepare(formId), { once: true })

  onSubmit(form, async () => {
    // The <form> itself is the data: every named field is sent, the empty honeypot included.
    await client.contactForm.submit(formId, form)
    form.reset()
    return 'Thank you! Your message has been sent.'
  })
}
