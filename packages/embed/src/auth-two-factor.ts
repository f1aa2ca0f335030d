import type { TotpSetup } from '../../sdk/src/totp.ts'
import { button } from './element.ts'
import { type Html, html } from './html.ts'
import type { EmbedStrings } from './strings.ts'

/** Setting up TOTP: first the key to scan, then, once confirmed, the recovery codes. */
export type Enrolment = { setup?: TotpSetup; recoveryCodes?: string[] }

/**
 * The enrolment view of `<porchlight-auth>`. The QR code is the server's SVG shown as an image:
 * markup from a response never enters the page's DOM, and an image runs no script.
 *
 * @throws Nothing.
 * @example
 * enrolmentView(strings, { setup }, typedCode)
 */
export function enrolmentView(s: EmbedStrings, enrolment: Enrolment, code: string): Html {
  const { setup, recoveryCodes } = enrolment
  if (recoveryCodes) {
    return html`<h2 tabindex="-1" part="heading">${s.authTotpSetup}</h2>
<p>${s.authTotpCodes}</p>
<ol class="codes">${recoveryCodes.map((c) => html`<li><code>${c}</code></li>`)}</ol>
<p>${button('done', s.authDone)}</p>`
  }
  const qr = `data:image/svg+xml,${encodeURIComponent(setup?.qrSvg ?? '')}`
  return html`<h2 tabindex="-1" part="heading">${s.authTotpSetup}</h2>
<p>${s.authTotpScan}</p>
<p><img class="qr" src="${qr}" alt="${s.authTotpQr}" width="200" height="200"></p>
<p>${s.authTotpKey}: <code>${setup?.secret}</code></p>
<form data-action="enrol" part="form"><label part="field">${s.authCode}<input part="input" id="code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code" required value="${code}"></label><p><button part="button">${s.authVerify}</button></p></form>`
}
