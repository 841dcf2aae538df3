import { ModelError } from "../model-port.js";

/** The HTTP status an OpenAI-compatible client error carries, if any. */
function statusOf(err: unknown): number | undefined {
  const status = (err as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : undefined;
}

/**
 * One model call under the caller's signal and a time limit. `signal` goes to the client
 * (so that the HTTP request is cancelled), and `race` stops waiting at once even when the
 * client is slow to notice (LangChain waits out its retry back-off before it looks).
 */
function watch(outer: AbortSignal, ms: number) {
  const ctrl = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stopped = new Promise<never>((_, reject) => {
    ctrl.signal.addEventListener("abort", () => reject(ctrl.signal.reason), { once: true });
  });
  stopped.catch(() => {});
  const onOuter = () => ctrl.abort(outer.reason);
  if (outer.aborted) onOuter();
  else outer.addEventListener("abort", onOuter, { once: true });

  const pause = () => clearTimeout(timer);
  const arm = () => {
    pause();
    timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort(new ModelError("timeout"));
    }, ms);
  };
  arm();

  return {
    signal: ctrl.signal,
    arm,
    pause,
    race<T>(p: Promise<T>): Promise<T> {
      return Promise.race([p, stopped]);
    },
    /** The error to throw: the caller's abort as is, else a ModelError without upstream text. */
    fail(err: unknown): unknown {
      if (outer.aborted) return outer.reason ?? err;
      if (timedOut) return new ModelError("timeout");
      return err instanceof ModelError ? err : new ModelError("upstream", statusOf(err));
    },
    /** Stop the timer, and cancel the upstream request if it is still going. */
    end() {
      pause();
      outer.removeEventListener("abort", onOuter);
      ctrl.abort();
    },
  };
}

/** A request/response call that must finish within `ms`. */
export async function callWithin<T>(
  call: (signal: AbortSignal) => Promise<T>,
  outer: AbortSignal,
  ms: number,
): Promise<T> {
  const w = watch(outer, ms);
  try {
    return await w.race(call(w.signal));
  } catch (err) {
    throw w.fail(err);
  } finally {
    w.end();
  }
}

/**
 * A streamed call whose first item, and each one after it, must arrive within `idleMs`
 * (time the consumer spends between items does not count). A stream cut short by the
 * timer or the caller throws: a partial answer is never passed off as a whole one.
 */
export async function* streamWithin<T>(
  open: (signal: AbortSignal) => Promise<AsyncIterable<T>>,
  outer: AbortSignal,
  idleMs: number,
): AsyncGenerator<T> {
  const w = watch(outer, idleMs);
  let it: AsyncIterator<T> | undefined;
  try {
    it = (await w.race(open(w.signal)))[Symbol.asyncIterator]();
    for (;;) {
      const next = await w.race(it.next());
      if (next.done) break;
      w.pause();
      yield next.value;
      w.arm();
    }
    // LangChain ends a stream quietly when its signal aborts
    if (w.signal.aborted) throw w.signal.reason;
  } catch (err) {
    throw w.fail(err);
  } finally {
    w.end();
    it?.return?.().catch(() => {});
  }
}
