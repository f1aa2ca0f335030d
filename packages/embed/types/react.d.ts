// `<porchlight-*>` elements in React's JSX (the types of React 18.3 and 19): add
// `/// <reference types="@porchlight/embed/react" />` to a .d.ts file of the project, or
// `import type {} from '@porchlight/embed/react'` to any module. Types only.
import type { PorchlightElementAttributes } from '@porchlight/embed'
import type { DetailedHTMLProps, HTMLAttributes } from 'react'

/** React's props for any element, with the element's own attributes typed. */
type ElementProps<Tag extends keyof PorchlightElementAttributes> = DetailedHTMLProps<
  HTMLAttributes<HTMLElementTagNameMap[Tag]>,
  HTMLElementTagNameMap[Tag]
> &
  PorchlightElementAttributes[Tag]

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'porchlight-auth': ElementProps<'porchlight-auth'>
      'porchlight-forum': ElementProps<'porchlight-forum'>
      'porchlight-notifications': ElementProps<'porchlight-notifications'>
    }
  }
}
