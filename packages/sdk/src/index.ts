export {
  type Client,
  type ClientOptions,
  createClient,
  type SiteInfo,
} from './client.ts'
export {
  type ContactForm,
  type ContactFormData,
  createContactForm,
  type Submission,
} from './contact.ts'
export {
  type CallOptions,
  type ConnectionOptions,
  createRequest,
  type RequestFunction,
  type RequestOptions,
} from './core.ts'
export { isPorchlightError, PorchlightError, type PorchlightErrorInit } from './errors.ts'
export { type KeyValueStorage, memoryStorage, webStorage } from './storage.ts'
