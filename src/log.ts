export type Level = "debug" | "info" | "warn" | "error";
export type Logger = {
  [L in Level]: (msg: string, fields?: Record<string, unknown>) => void;
};

const ORDER: Record<Level | "silent", number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
  silent: 99,
};

/** Anything shaped like an API key, whether or not it is one of ours. */
const KEY_LIKE = /\b(sk|pk|rk)-[A-Za-z0-9_*-]{8,}/g;

/**
 * Structured one-line JSON logs on stderr. Callers pass fields, never request bodies; the
 * configured secrets and anything shaped like an API key are masked in every line.
 */
export function createLogger(
  level: Level | "silent" = "info",
  write: (line: string) => unknown = (line) => process.stderr.write(line),
  secrets: string[] = [],
): Logger {
  const known = secrets.filter((s) => s.length >= 8);
  const mask = (line: string) => {
    let out = line.replace(KEY_LIKE, "[redacted]");
    for (const s of known) out = out.split(s).join("[redacted]");
    return out;
  };
  const make =
    (l: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[l] < ORDER[level]) return;
      write(
        mask(`${JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...fields })}\n`),
      );
    };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}

/** The console methods libraries print with, and the level each is logged at. */
const CONSOLE_LEVEL = {
  error: "warn",
  warn: "warn",
  info: "info",
  log: "info",
  debug: "debug",
  trace: "debug",
} as const satisfies Record<string, Level>;

/** The most of a library's own message a log line keeps. */
const LIBRARY_TEXT_CHARS = 200;

const clip = (text: string) =>
  text.length > LIBRARY_TEXT_CHARS ? `${text.slice(0, LIBRARY_TEXT_CHARS)}…` : text;

/**
 * What libraries print (LangChain and the openai client write to the console; Node prints
 * process warnings) routed through the logger, so that every line on stderr stays JSON.
 * Only a library's own words are kept: its first argument when that is a string, clipped;
 * the other arguments (often what an upstream sent, such as a body it could not parse) are
 * counted, never printed. Returns a function that puts everything back.
 */
export function captureLibraryOutput(
  log: Logger,
  target: Console = console,
  proc: NodeJS.Process = process,
): () => void {
  const saved = Object.keys(CONSOLE_LEVEL).map((m) => {
    const method = m as keyof typeof CONSOLE_LEVEL;
    const original = target[method];
    target[method] = (...args: unknown[]) => {
      const [first, ...rest] = args;
      log[CONSOLE_LEVEL[method]]("library console output", {
        console: method,
        text: typeof first === "string" ? clip(first) : typeof first,
        more: rest.length,
      });
    };
    return () => {
      target[method] = original;
    };
  });
  const listeners = proc.listeners("warning");
  proc.removeAllListeners("warning");
  const onWarning = (w: Error & { code?: string }) =>
    log.warn("process warning", { name: w.name, code: w.code, text: clip(w.message) });
  proc.on("warning", onWarning);
  return () => {
    for (const restore of saved) restore();
    proc.off("warning", onWarning);
    for (const l of listeners) proc.on("warning", l as (w: Error) => void);
  };
}
