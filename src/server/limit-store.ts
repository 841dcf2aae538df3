import { LRUCache } from "lru-cache";

/** What a limit says about one more request: go, or wait this many seconds. */
export type Verdict = { ok: true } | { ok: false; retryAfterS: number };

/**
 * Token buckets by name: `perMinute` tokens a minute, refilled continuously, bursts up to
 * the same number. A request that finds a token takes it; one that finds none takes
 * nothing and is told when the next comes. The in-memory store serves one process; the
 * Redis store (redis-limit-store.ts) is one set of buckets for every replica.
 */
export interface LimitStore {
  take(bucket: string, perMinute: number): Promise<Verdict>;
  close(): Promise<void>;
}

/** Tunables of the in-memory store. */
const MEMORY_LIMITS = {
  /**
   * Buckets kept; past it the least recently used goes (its client starts afresh). A
   * bucket is about 100 bytes, so the default is about 10 MB at worst, reached only by a
   * flood from that many addresses in a minute.
   */
  maxBuckets: 100_000,
};

type Bucket = { tokens: number; at: number };

/** The token bucket's arithmetic, shared in spirit with the Redis script. */
function refill(b: Bucket | undefined, perMinute: number, now: number): Bucket {
  if (!b) return { tokens: perMinute, at: now };
  const rate = perMinute / 60_000;
  return { tokens: Math.min(perMinute, b.tokens + Math.max(0, now - b.at) * rate), at: now };
}

export const retryAfterS = (tokens: number, perMinute: number) =>
  Math.max(1, Math.ceil(((1 - tokens) * 60_000) / perMinute / 1000));

/** The buckets in this process's memory (the default, and Redis's fallback). */
export function memoryLimitStore(now = () => Date.now()): LimitStore {
  const buckets = new LRUCache<string, Bucket>({ max: MEMORY_LIMITS.maxBuckets });
  return {
    async take(bucket, perMinute) {
      const b = refill(buckets.get(bucket), perMinute, now());
      const ok = b.tokens >= 1;
      if (ok) b.tokens -= 1;
      buckets.set(bucket, b);
      return ok ? { ok } : { ok, retryAfterS: retryAfterS(b.tokens, perMinute) };
    },
    async close() {
      buckets.clear();
    },
  };
}
