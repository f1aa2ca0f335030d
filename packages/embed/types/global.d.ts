// The globals of the script tag's bundle (dist/embed.js): `window.Porchlight`, which it sets,
// and `window.PorchlightEmbedStrings`, which it reads. For a page's own TypeScript beside the
// tag: `/// <reference types="@porchlight/embed/global" />`. Not with `@porchlight/sdk/global`:
// that declares the SDK's own script-tag global under the same name. Types only.
import type { PorchlightEmbed, StringOverrides } from '@porchlight/embed'

declare global {
  /**
   * Set by the script tag: the page's client, the strings, and every export of the SDK.
   *
   * @example
   * const site = await window.Porchlight.client.site()
   */
  var Porchlight: PorchlightEmbed
  /**
   * Strings for the embed to use from the start: set it before the script tag.
   *
   * @example
   * window.PorchlightEmbedStrings = { formSent: 'Merci !' }
   */
  var PorchlightEmbedStrings: StringOverrides | undefined
}
