// `<porchlight-*>` elements in Vue 3.3+ templates (type-checked by vue-tsc and the Vue
// extension) and Vue JSX: add `/// <reference types="@porchlight/embed/vue" />` to a .d.ts
// file of the project, or `import type {} from '@porchlight/embed/vue'` to any module. Tell
// Vue's compiler they are custom elements too (`isCustomElement: (tag) =>
// tag.startsWith('porchlight-')`). Types only.
import type { PorchlightElementAttributes } from '@porchlight/embed'
import type { HTMLAttributes, ReservedProps } from 'vue'

type Tag = keyof PorchlightElementAttributes

/** Vue's attributes for any element, with the element's own attributes typed. */
type ElementAttributes<T extends Tag> = HTMLAttributes & PorchlightElementAttributes[T]

/** How templates see an element: a component whose `$props` are its attributes. */
type ElementComponent<T extends Tag> = new () => HTMLElementTagNameMap[T] & {
  $props: ElementAttributes<T> & ReservedProps
}

declare module 'vue' {
  interface GlobalComponents {
    'porchlight-auth': ElementComponent<'porchlight-auth'>
    'porchlight-forum': ElementComponent<'porchlight-forum'>
    'porchlight-notifications': ElementComponent<'porchlight-notifications'>
  }
  interface IntrinsicElementAttributes {
    'porchlight-auth': ElementAttributes<'porchlight-auth'>
    'porchlight-forum': ElementAttributes<'porchlight-forum'>
    'porchlight-notifications': ElementAttributes<'porchlight-notifications'>
  }
}
