/**
 * A signal that aborts when any of `signals` does. Uses `AbortSignal.any` where it exists
 * (browsers since 2023, Node 20.3); older engines get a listener-based stand-in.
 */
export function anySignal(signals: AbortSignal[]): AbortSignal {
  if (AbortSignal.any) return AbortSignal.any(signals)
  const controller = new AbortController()
  for (const signal of signals) {
    if (signal.aborted) controller.abort(signal.reason)
    else signal.addEventListener('abort', () => controller.abort(signal.reason), { once: true })
  }
  return controller.signal
}
