import { Redis, type Result } from "ioredis";
import type { Logger } from "../log.js";
import { type LimitStore, memoryLimitStore, type Verdict } from "./limit-store.js";

declare module "ioredis" {
  interface RedisCommander<Context> {
    /** the token bucket at KEYS[1]: [1, 0] taken, or [0, ms until the next token] */
    takeToken(key: string, perMinute: number): Result<[number, number], Context>;
  }
}

/** Tunables of the shared store. */
const REDIS_LIMITS = {
  /** every bucket's key starts with it, so the service can share a Redis */
  prefix: "report-qa:limit:",
  /** a reply slower than this counts as Redis being away: the request uses the fallback */
  commandTimeoutMs: 250,
  connectTimeoutMs: 2_000,
  /** reconnect attempts back off by 200 ms each, up to this */
  maxReconnectDelayMs: 5_000,
};

/**
 * The token bucket (limit-store.ts) as one atomic script, on Redis's clock so that every
 * replica sees the same time. A bucket expires once it would be full again.
 */
const TAKE_TOKEN = `
local cap = tonumber(ARGV[1])
local rate = cap / 60000
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(b[1]) or cap
local at = tonumber(b[2]) or now
tokens = math.min(cap, tokens + math.max(0, now - at) * rate)
local ok = 0
if tokens >= 1 then
  tokens = tokens - 1
  ok = 1
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((cap - tokens) / rate) + 1000)
if ok == 1 then return {1, 0} end
return {0, math.ceil((1 - tokens) / rate)}
`;

/**
 * Rate limits and the wrong-key counter in Redis, shared by every replica. While Redis
 * cannot be reached the requests are counted in this process's memory instead (each
 * replica its own limits, never none), and a warning says so once; an info line says when
 * the shared limits are back.
 */
export async function redisLimitStore(
  url: string,
  log: Logger,
  fallback: LimitStore = memoryLimitStore(),
): Promise<LimitStore> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: REDIS_LIMITS.commandTimeoutMs,
    connectTimeout: REDIS_LIMITS.connectTimeoutMs,
    retryStrategy: (attempt) => Math.min(attempt * 200, REDIS_LIMITS.maxReconnectDelayMs),
  });
  client.defineCommand("takeToken", { numberOfKeys: 1, lua: TAKE_TOKEN });
  let shared = true;
  const away = (err: unknown) => {
    if (!shared) return;
    shared = false;
    const error = (err as NodeJS.ErrnoException)?.code ?? (err as Error)?.message ?? "unknown";
    log.warn("redis unavailable: rate limits are this replica's own until it is back", { error });
  };
  const back = () => {
    if (shared) return;
    shared = true;
    log.info("redis reachable: rate limits are shared again");
  };
  client.on("error", away);
  client.on("ready", back);
  await client.connect().catch(away);

  return {
    async take(bucket, perMinute): Promise<Verdict> {
      try {
        const [ok, waitMs] = await client.takeToken(`${REDIS_LIMITS.prefix}${bucket}`, perMinute);
        back();
        return ok === 1
          ? { ok: true }
          : { ok: false, retryAfterS: Math.max(1, Math.ceil(waitMs / 1000)) };
      } catch (err) {
        away(err);
        return fallback.take(bucket, perMinute);
      }
    },
    async close() {
      client.removeAllListeners("error");
      client.on("error", () => {});
      await client.quit().catch(() => client.disconnect());
      await fallback.close();
    },
  };
}
