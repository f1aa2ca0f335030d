// `<porchlight-*>` elements in Preact's JSX (Preact 10 and 11): add
// `/// <reference types="@porchlight/embed/preact" />` to a .d.ts file of the project, or
// `import type {} from '@porchlight/embed/preact'` to any module. Types only.
import type { PorchlightElementAttributes } from '@porchlight/embed'
import type { HTMLAttributes } from 'preact'

/** Preact's attributes for any element, with the element's own attributes typed. */
type ElementProps<Tag extends keyof PorchlightElementAttributes> = HTMLAttributes<
  HTMLElementTagNameMap[Tag]
> &
  PorchlightElementAttributes[Tag]

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      'porchlight-auth': ElementProps<'porchlight-auth'>
      'porchlight-forum': ElementProps<'porchlight-forum'>
      'porchlight-notifications': ElementProps<'porchlight-notifications'>
    }
  }
}
