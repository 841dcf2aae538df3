/**
 * A signal that aborts when `signal` does or when `ms` have passed, whichever is first.
 * Unlike AbortSignal.any with AbortSignal.timeout, `done()` frees the timer and the listener
 * at once, so finished requests leave nothing behind.
 */
export function withBudget(
  signal: AbortSignal,
  ms: number | undefined,
): { signal: AbortSignal; done(): void } {
  if (!ms) return { signal, done() {} };
  const ctrl = new AbortController();
  const onAbort = () => ctrl.abort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener("abort", onAbort, { once: true });
  const timer = setTimeout(
    () => ctrl.abort(new DOMException("the model's time budget is spent", "TimeoutError")),
    ms,
  );
  return {
    signal: ctrl.signal,
    done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", onAbort);
    },
  };
}
