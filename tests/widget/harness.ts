/** Shared setup for the browser tests: the real server as a child process, a second-origin
 * host page, and Debian's Chromium driven by playwright-core. */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createServer as createNetServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
export const ARTIFACTS = join(ROOT, "tests/artifacts");
export const CHROMIUM = "/usr/bin/chromium";
/** Run where Chromium is installed; in CI a missing browser is a failure, not a skip. */
export const SKIP_BROWSER = !existsSync(CHROMIUM) && !process.env.CI;

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createNetServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => ok(port));
    });
  });
}

/** The widget's key: honoured only from the page itself and the allowed origins. */
export const WIDGET_KEY = "widget-key-for-tests-0001";

export type RealServer = { url: string; logs: () => string; stop: () => Promise<void> };

/** `tsx src/main.ts` on a free port with a fresh index dir; resolves once /readyz is 200. */
export async function startServer(opts: {
  corsOrigin: string;
  port?: number;
  /** more of the server's environment (CORPUS_DIR…) */
  env?: Record<string, string>;
}): Promise<RealServer> {
  const port = opts.port ?? (await freePort());
  const indexDir = await mkdtemp(join(tmpdir(), "rqa-widget-index-"));
  const url = `http://127.0.0.1:${port}`;
  let out = "";
  const child: ChildProcess = spawn(join(ROOT, "node_modules/.bin/tsx"), ["src/main.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      INDEX_DIR: indexDir,
      CORS_ORIGINS: opts.corsOrigin,
      // keys on: the page and the embed must reach the API with the widget's own key
      API_KEYS: "bot-key-not-for-browsers-0001",
      WIDGET_KEY,
      OPENAI_API_KEY: "", // the offline answerer: same answers on every run
      EMBEDDINGS: "local",
      LOG_LEVEL: "warn",
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    await rm(indexDir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return { url, logs: () => out, stop };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`server at ${url} never became ready; output:\n${out.slice(-4000)}`);
}

/** Another origin with a page that embeds the widget the way a third-party site would.
 * GET /embed?endpoint=URL&lang=zh|en (data-lang) &page-lang=... (the page's own lang). */
export async function startHostPage(
  widgetOrigin: string,
): Promise<{ port: number; origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const q = new URL(req.url ?? "/", "http://host").searchParams;
    const endpoint = q.get("endpoint") ?? widgetOrigin;
    const dataLang = q.get("lang");
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.end(`<!doctype html>
<html lang="${q.get("page-lang") ?? "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>A city news site</title>
<style>
  /* hostile host CSS: none of it may reach the widget */
  body { margin: 32px; font: 18px/1.4 Georgia, serif; background: #faf7f0; }
  button { background: #0f0 !important; border: 4px solid #00f; }
  textarea { font-size: 40px; }
  * { letter-spacing: 0.3em; }
</style>
</head>
<body>
<h1>City news</h1>
<p>An article about the government work report.</p>
<script src="${widgetOrigin}/widget.js" data-endpoint="${endpoint}" data-key="${WIDGET_KEY}"${
      dataLang ? ` data-lang="${dataLang}"` : ""
    } defer></script>
</body>
</html>`);
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : 0;
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export type Browser = { context: BrowserContext; close: () => Promise<void> };

export async function launchBrowser(): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
  const userDataDir = await mkdtemp(join(tmpdir(), "rqa-widget-chromium-"));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
    viewport: { width: 1280, height: 860 },
    locale: "en-US",
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
