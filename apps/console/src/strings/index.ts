import { en } from './en/index.ts'

/**
 * Every word the console shows, in one module. To translate or reword the console, give this
 * module another object of the same shape (`Strings`): the type checker lists what is missing.
 */
export const strings: Strings = en

export type Strings = typeof en
