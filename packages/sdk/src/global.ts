// The types of the script-tag build, `@porchlight/sdk/global` (dist/porchlight.global.js): run
// as a classic `<script>`, it sets the global `Porchlight` to every export of the package.
// Types only: the build emits this file's declarations, and no code.
import type * as sdk from '@porchlight/sdk'

declare global {
  /**
   * Every export of `@porchlight/sdk`, set by `<script src="…/porchlight.global.js">`. Bring
   * this declaration into a project with `/// <reference types="@porchlight/sdk/global" />`.
   *
   * @example
   * const client = Porchlight.createClient({ url: 'https://api.example.com', key: 'pk_…' })
   */
  var Porchlight: typeof sdk
}
