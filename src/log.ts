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
