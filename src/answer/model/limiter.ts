import { ModelError } from "../model-port.js";

export type LimiterOptions = {
  /** calls that may run at once */
  concurrency: number;
  /** calls that may wait for a slot; one more fails at once with ModelError("busy") */
  queueLimit: number;
  /** the longest a call waits for a slot before failing with ModelError("busy") */
  waitMs: number;
};

/** Frees the slot; calling it twice is harmless. */
export type Release = () => void;

export type Limiter = {
  acquire(signal: AbortSignal): Promise<Release>;
  /** calls running and calls waiting, for logs and tests */
  load(): { active: number; waiting: number };
};

/**
 * A small semaphore with a bounded, time-limited queue. A call over the cap waits its turn
 * (first come, first served); when the queue is full, or no slot frees up in time, it fails
 * fast so that the asker can give the extractive answer instead of piling up.
 */
export function createLimiter(opts: LimiterOptions): Limiter {
  let active = 0;
  const waiting: Array<() => void> = [];

  const releaser = (): Release => {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      const next = waiting.shift();
      if (next) next();
      else active--;
    };
  };

  function acquire(signal: AbortSignal): Promise<Release> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (active < opts.concurrency) {
      active++;
      return Promise.resolve(releaser());
    }
    if (waiting.length >= opts.queueLimit) return Promise.reject(new ModelError("busy"));
    return new Promise<Release>((resolve, reject) => {
      const leave = () => {
        const i = waiting.indexOf(grant);
        if (i >= 0) waiting.splice(i, 1);
        clearTimeout(timer);
        signal.removeEventListener("abort", onAbort);
      };
      // the slot passes straight from the releasing call to this one: `active` is unchanged
      const grant = () => {
        leave();
        resolve(releaser());
      };
      const onAbort = () => {
        leave();
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        leave();
        reject(new ModelError("busy"));
      }, opts.waitMs);
      signal.addEventListener("abort", onAbort, { once: true });
      waiting.push(grant);
    });
  }

  return { acquire, load: () => ({ active, waiting: waiting.length }) };
}
