import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../config.ts'

// The metrics settings as an operator writes them: off by default, and every mistake that would
// open the metrics to the network, or silently do nothing, stops the start naming the variable.

const token = 'a'.repeat(32)
const problemsWith = (env: Record<string, string>) => {
  try {
    loadConfig(env)
  } catch (error) {
    if (error instanceof ConfigError) return error.message
    throw error
  }
  return ''
}

describe('metrics settings', () => {
  it('leave metrics off unless METRICS_TOKEN or METRICS_PORT is set', () => {
    expect(loadConfig({}).metrics).toBeUndefined()
    expect(loadConfig({ NODE_ENV: 'production' }).metrics).toBeUndefined()
  })

  it('serve on the app port behind a token, or on a loopback port of its own', () => {
    expect(loadConfig({ METRICS_TOKEN: token }).metrics).toEqual({ token, host: '127.0.0.1' })
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({
      port: 9464,
      host: '127.0.0.1',
    })
    expect(
      loadConfig({ METRICS_PORT: '9464', METRICS_HOST: '10.0.0.5', METRICS_TOKEN: token }).metrics,
    ).toEqual({ port: 9464, host: '10.0.0.5', token })
  })

  it('refuse a port of its own on a network address without a token', () => {
    for (const host of ['0.0.0.0', '10.0.0.5', '::']) {
      expect(problemsWith({ METRICS_PORT: '9464', METRICS_HOST: host })).toContain(
        `METRICS_TOKEN: required when METRICS_HOST (${host}) is not a loopback address`,
      )
    }
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1']) {
      expect(problemsWith({ METRICS_PORT: '9464', METRICS_HOST: host })).toBe('')
    }
  })

  it('refuse a short or spaced token, a clash with PORT, and a host without a port', () => {
    expect(problemsWith({ METRICS_TOKEN: 'short' })).toContain(
      'METRICS_TOKEN: must be at least 32 characters',
    )
    expect(problemsWith({ METRICS_TOKEN: `${token} ${token}` })).toContain(
      'METRICS_TOKEN: must be printable ASCII without spaces',
    )
    expect(problemsWith({ PORT: '9000', METRICS_PORT: '9000' })).toContain(
      'METRICS_PORT: must differ from PORT (9000)',
    )
    expect(problemsWith({ METRICS_PORT: '70000' })).toContain('METRICS_PORT:')
    expect(problemsWith({ METRICS_HOST: '127.0.0.1', METRICS_TOKEN: token })).toContain(
      'METRICS_HOST: only used with METRICS_PORT',
    )
  })
})
