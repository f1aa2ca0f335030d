export {
  type CallOptions,
  type Client,
  type ClientOptions,
  createClient,
  type RequestOptions,
  type SiteInfo,
} from './client.ts'
export { isPorchlightError, PorchlightError, type PorchlightErrorInit } from './errors.ts'
export { type KeyValueStorage, memoryStorage, webStorage } from './storage.ts'
