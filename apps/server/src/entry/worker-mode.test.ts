import { describe, expect, it } from 'vitest'
import { explicitMode, productionRequest } from './worker-mode.ts'

// The Worker's production rule (issue 9, item 9). In workerd it is exercised end to end by
// test/worker/production-mode.test.ts; this table covers the hosts and variables around it.

describe('productionRequest', () => {
  it.each([
    ['https://porchlight.example.workers.dev/readyz', true],
    ['https://api.example.com/v1/site', true],
    // Starts like a local name, but is a public host.
    ['https://localhost.example.com/', true],
    ['http://127.0.0.1.example.com/', true],
    ['http://10.0.0.5:8787/', true],
    // Where `wrangler dev` serves the Worker.
    ['http://localhost:8787/healthz', false],
    ['http://127.0.0.1:8787/', false],
    ['http://127.3.2.1:9000/', false],
    ['http://[::1]:8787/', false],
    ['http://porchlight.localhost:8787/', false],
  ])('%s → production %s', (url, production) => {
    expect(productionRequest(url, {})).toBe(production)
  })

  it('follows ENVIRONMENT or NODE_ENV when they say production, development or test', () => {
    expect(productionRequest('http://localhost:8787/', { ENVIRONMENT: 'production' })).toBe(true)
    expect(productionRequest('http://localhost:8787/', { NODE_ENV: 'production' })).toBe(true)
    expect(productionRequest('https://api.example.com/', { ENVIRONMENT: 'development' })).toBe(
      false,
    )
    expect(productionRequest('https://api.example.com/', { NODE_ENV: 'test' })).toBe(false)
  })

  it('lets production win when the two variables disagree', () => {
    const env = { ENVIRONMENT: 'development', NODE_ENV: 'production' }
    expect(productionRequest('http://localhost:8787/', env)).toBe(true)
  })

  it('leaves other values (staging, a typo) to the host', () => {
    expect(productionRequest('https://api.example.com/', { ENVIRONMENT: 'staging' })).toBe(true)
    expect(productionRequest('http://localhost:8787/', { ENVIRONMENT: 'staging' })).toBe(false)
    expect(explicitMode({ ENVIRONMENT: 'prod' })).toBeUndefined()
    expect(explicitMode({})).toBeUndefined()
  })
})
