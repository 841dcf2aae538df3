import { isIP } from "node:net";
import { z } from "zod";

/** Empty strings count as unset, so `FOO=` in a .env file means "use the default". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    schema.optional(),
  );

const list = z.string().transform((s) =>
  s
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean),
);

/** How far to trust X-Forwarded-For: a number of proxy hops, or the proxies' addresses. */
export type TrustProxy = { hops: number } | { proxies: string[] };

/** "2" (hops) or "10.0.0.0/8, 127.0.0.1, fd00::/8" (proxy addresses and CIDR ranges). */
const trustProxy = z.string().transform((s, ctx): TrustProxy => {
  const value = s.trim();
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops >= 1 && hops <= 10) return { hops };
    ctx.addIssue({ code: "custom", message: "a hop count must be 1-10" });
    return z.NEVER;
  }
  const proxies = value
    .split(",")
    .map((x) => x.trim())
    .filter(Boolean);
  for (const p of proxies) {
    const [address = "", bits, ...rest] = p.split("/");
    const family = isIP(address);
    const max = family === 6 ? 128 : 32;
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= max);
    if (!family || !prefixOk || rest.length) {
      ctx.addIssue({
        code: "custom",
        message: `${JSON.stringify(p)} is not an address or CIDR range`,
      });
      return z.NEVER;
    }
  }
  return { proxies };
});

const schema = z.object({
  PORT: optional(z.coerce.number().int().min(0).max(65535)),
  HOST: optional(z.string()),
  CORPUS_DIR: optional(z.string()),
  INDEX_DIR: optional(z.string()),
  OPENAI_API_KEY: optional(z.string()),
  OPENAI_BASE_URL: optional(z.url()),
  CHAT_MODEL: optional(z.string()),
  EMBEDDINGS: optional(z.enum(["local", "openai"])),
  EMBEDDING_MODEL: optional(z.string()),
  CORS_ORIGINS: optional(list),
  BODY_LIMIT_BYTES: optional(z.coerce.number().int().positive()),
  MODEL_TIMEOUT_MS: optional(z.coerce.number().int().positive()),
  MODEL_MAX_RETRIES: optional(z.coerce.number().int().min(0).max(10)),
  MODEL_CONCURRENCY: optional(z.coerce.number().int().positive()),
  MODEL_QUEUE_LIMIT: optional(z.coerce.number().int().min(0)),
  EMBEDDING_TIMEOUT_MS: optional(z.coerce.number().int().positive()),
  LOG_LEVEL: optional(z.enum(["debug", "info", "warn", "error", "silent"])),
  API_KEYS: optional(
    list.pipe(z.array(z.string().min(16, "each API key needs at least 16 characters"))),
  ),
  WIDGET_KEY: optional(z.string().min(16)),
  RATE_LIMIT_PER_MINUTE: optional(z.coerce.number().int().min(0)),
  WIDGET_RATE_LIMIT_PER_MINUTE: optional(z.coerce.number().int().min(0)),
  MAX_IN_FLIGHT_PER_CLIENT: optional(z.coerce.number().int().min(0)),
  TRUST_PROXY: optional(trustProxy),
  REDIS_URL: optional(z.url({ protocol: /^rediss?$/, error: "a redis:// or rediss:// URL" })),
  REQUEST_TIMEOUT_MS: optional(z.coerce.number().int().positive()),
  ANSWER_CACHE_SIZE: optional(z.coerce.number().int().min(0)),
});

export type Config = {
  port: number;
  host: string;
  corpusDir: string;
  indexDir: string;
  corsOrigins: string[];
  bodyLimitBytes: number;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  /** when non-empty, /api/* and /v1/* need `Authorization: Bearer <one of these>` */
  apiKeys: string[];
  /**
   * the widget's key: public (it is in the page), so it reaches only what the widget needs
   * (ask, cite, passages, documents), only from CORS_ORIGINS and the page itself
   */
  widgetKey?: string;
  /** requests a minute per API key (or per client address without keys); 0 = no limit */
  rateLimitPerMinute: number;
  /** requests a minute per client address with the widget's key; 0 = no limit */
  widgetRateLimitPerMinute: number;
  /** requests one client may have in flight at once on this replica; 0 = no cap */
  maxInFlightPerClient: number;
  /** unset: the client's address is the socket's; set: taken from X-Forwarded-For past these */
  trustProxy?: TrustProxy;
  /** set: rate limits and the wrong-key counter live in this Redis, shared by all replicas */
  redisUrl?: string;
  /** a request past it gets a 503; the model's budget is a share of it (build-engine.ts) */
  requestTimeoutMs: number;
  /** how long SIGTERM waits for requests in flight: always longer than a request may take */
  drainMs: number;
  /** offline answers kept in memory for repeated questions; 0 = none */
  answerCacheSize: number;
  embeddings:
    | { kind: "local" }
    | {
        kind: "openai";
        apiKey: string;
        baseURL?: string;
        model: string;
        timeoutMs: number;
        maxRetries: number;
      };
  /** Present only when OPENAI_API_KEY is set: answers then come from the model. */
  chat?: {
    apiKey: string;
    baseURL?: string;
    model: string;
    timeoutMs: number;
    maxRetries: number;
    concurrency: number;
    /** model calls that may wait for a free slot; beyond it they fail fast (extractive answer) */
    queueLimit: number;
  };
};

export class ConfigError extends Error {}

/**
 * What SIGTERM's drain adds to the request timeout. Every request ends within the timeout
 * (the model gets a share of it, the extractive answer the rest), so the drain outlasts
 * the slowest request by this much: time to write the response and close the socket.
 */
export const DRAIN_MARGIN_MS = 5_000;

/** The one place that reads the environment. Throws ConfigError with every problem listed. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`invalid environment: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  const apiKey = e.OPENAI_API_KEY;
  if (e.EMBEDDINGS === "openai" && !apiKey) {
    throw new ConfigError("invalid environment: EMBEDDINGS=openai needs OPENAI_API_KEY");
  }
  if (e.WIDGET_KEY && !e.API_KEYS?.length) {
    // without API keys the service is open: a widget key would suggest otherwise
    throw new ConfigError("invalid environment: WIDGET_KEY needs API_KEYS (keys are off without)");
  }
  const requestTimeoutMs = e.REQUEST_TIMEOUT_MS ?? 30_000;
  return {
    port: e.PORT ?? 8787,
    host: e.HOST ?? "127.0.0.1",
    corpusDir: e.CORPUS_DIR ?? "corpus",
    indexDir: e.INDEX_DIR ?? "index",
    corsOrigins: e.CORS_ORIGINS ?? [],
    bodyLimitBytes: e.BODY_LIMIT_BYTES ?? 64 * 1024,
    logLevel: e.LOG_LEVEL ?? "info",
    apiKeys: e.API_KEYS ?? [],
    widgetKey: e.WIDGET_KEY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE ?? 600,
    widgetRateLimitPerMinute: e.WIDGET_RATE_LIMIT_PER_MINUTE ?? 60,
    maxInFlightPerClient: e.MAX_IN_FLIGHT_PER_CLIENT ?? 8,
    trustProxy: e.TRUST_PROXY,
    redisUrl: e.REDIS_URL,
    requestTimeoutMs,
    drainMs: requestTimeoutMs + DRAIN_MARGIN_MS,
    answerCacheSize: e.ANSWER_CACHE_SIZE ?? 1000,
    embeddings:
      e.EMBEDDINGS === "openai" && apiKey
        ? {
            kind: "openai",
            apiKey,
            baseURL: e.OPENAI_BASE_URL,
            model: e.EMBEDDING_MODEL ?? "text-embedding-3-small",
            timeoutMs: e.EMBEDDING_TIMEOUT_MS ?? 30_000,
            maxRetries: e.MODEL_MAX_RETRIES ?? 1,
          }
        : { kind: "local" },
    chat: apiKey
      ? {
          apiKey,
          baseURL: e.OPENAI_BASE_URL,
          model: e.CHAT_MODEL ?? "gpt-4o-mini",
          timeoutMs: e.MODEL_TIMEOUT_MS ?? 20_000,
          maxRetries: e.MODEL_MAX_RETRIES ?? 1,
          concurrency: e.MODEL_CONCURRENCY ?? 4,
          queueLimit: e.MODEL_QUEUE_LIMIT ?? 16,
        }
      : undefined,
  };
}

/** The values no log line may show. */
export function secretsOf(c: Config): string[] {
  const keys = [
    c.chat?.apiKey,
    c.embeddings.kind === "openai" ? c.embeddings.apiKey : undefined,
    c.widgetKey,
    ...c.apiKeys,
    c.redisUrl ? decodeURIComponent(new URL(c.redisUrl).password) : undefined,
    c.redisUrl ? new URL(c.redisUrl).password : undefined,
  ];
  return [...new Set(keys.filter((k): k is string => Boolean(k)))];
}
