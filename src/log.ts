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

/** Structured one-line JSON logs on stderr. Callers pass fields, never request bodies or keys. */
export function createLogger(
  level: Level | "silent" = "info",
  write = (line: string) => process.stderr.write(line),
): Logger {
  const make =
    (l: Level) =>
    (msg: string, fields: Record<string, unknown> = {}) => {
      if (ORDER[l] < ORDER[level]) return;
      write(`${JSON.stringify({ time: new Date().toISOString(), level: l, msg, ...fields })}\n`);
    };
  return { debug: make("debug"), info: make("info"), warn: make("warn"), error: make("error") };
}
