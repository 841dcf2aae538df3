import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { Hono } from "hono";

/** The chat page may load and talk to its own origin only. */
export const PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'self'",
].join("; ");

const PAGE_TITLE = { zh: "政府工作报告问答", en: "Government Work Report Q&A" };
const NOSCRIPT = {
  zh: "这个问答页面需要启用 JavaScript。",
  en: "This question-and-answer page needs JavaScript.",
};

const attr = (v: string) => v.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

function page(lang: "zh" | "en", widgetKey?: string): string {
  return `<!doctype html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light">
<title>${PAGE_TITLE[lang]}</title>
<script src="widget.js" defer></script>
</head>
<body>
<report-qa-chat mode="page"${widgetKey ? ` key="${attr(widgetKey)}"` : ""}></report-qa-chat>
<noscript>${NOSCRIPT[lang]}</noscript>
</body>
</html>
`;
}

/** Does an If-None-Match header list this entity tag (weak comparison)? */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch
    .split(",")
    .some((t) => t.trim() === "*" || t.trim().replace(/^W\//, "") === bare);
}

/**
 * Whether an Accept-Encoding header takes gzip: listed with a q above 0, or not listed
 * while `*` is (RFC 9110 §12.5.3). "gzip;q=0" refuses it.
 */
function acceptsGzip(header: string | undefined): boolean {
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of (header ?? "").split(",")) {
    const [name = "", ...params] = part.split(";").map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith("q="));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    const value = Number.isFinite(weight) ? weight : 0;
    if (name === "gzip" || name === "x-gzip") gzip = Math.max(gzip ?? 0, value);
    else if (name === "*") any = value;
  }
  return (gzip ?? any ?? 0) > 0;
}

/**
 * How the widget's files are cached and compressed. /widget.js is embedded by other sites
 * under this same URL, so it cannot be immutable: a short max-age with an ETag, then
 * served stale while the browser checks again.
 */
const WIDGET_CACHE = {
  /** seconds /widget.js is fresh */
  scriptMaxAgeS: 300,
  /** seconds a stale /widget.js may still be used while it is checked again */
  scriptStaleS: 86_400,
  /** seconds the empty favicon is fresh */
  faviconMaxAgeS: 86_400,
  /** gzip level of the script, compressed once at start (9: smallest) */
  gzipLevel: 9,
} as const;

/**
 * The chat widget's two resources: GET / (a full-page chat) and GET /widget.js (the embed
 * script, built once by buildWidgetBundle() and passed in as `bundle`).
 */
export function widgetRoutes(opts: { bundle: string; widgetKey?: string }): Hono {
  const app = new Hono();
  const js = Buffer.from(opts.bundle, "utf8");
  const jsGzip = gzipSync(js, { level: WIDGET_CACHE.gzipLevel });
  const etag = `"${createHash("sha256").update(js).digest("base64url").slice(0, 22)}"`;
  // with API keys on, the page carries the widget's own key (honoured from allowed origins only)
  const pages = { zh: page("zh", opts.widgetKey), en: page("en", opts.widgetKey) };

  app.get("/", (c) => {
    const lang = c.req.query("lang") === "en" ? "en" : "zh";
    c.header("Content-Security-Policy", PAGE_CSP);
    c.header("Cache-Control", "no-cache");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    return c.html(pages[lang]);
  });

  app.get("/widget.js", (c) => {
    c.header(
      "Cache-Control",
      `public, max-age=${WIDGET_CACHE.scriptMaxAgeS}, stale-while-revalidate=${WIDGET_CACHE.scriptStaleS}`,
    );
    c.header("ETag", etag);
    c.header("Vary", "Accept-Encoding");
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Cross-Origin-Resource-Policy", "cross-origin");
    c.header("Access-Control-Allow-Origin", "*");
    if (matches(c.req.header("If-None-Match"), etag)) return c.body(null, 304);
    c.header("Content-Type", "text/javascript; charset=utf-8");
    if (!acceptsGzip(c.req.header("Accept-Encoding"))) return c.body(new Uint8Array(js));
    c.header("Content-Encoding", "gzip");
    return c.body(new Uint8Array(jsGzip));
  });

  // browsers ask for it on the chat page; an empty answer beats a 404 in their console
  app.get("/favicon.ico", (c) => {
    c.header("Cache-Control", `public, max-age=${WIDGET_CACHE.faviconMaxAgeS}`);
    return c.body(null, 204);
  });

  return app;
}
