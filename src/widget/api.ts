import { readSse } from "./sse.js";
import type { Answer, AskRequest, Citation } from "./types.js";

export type AskErrorKind = "network" | "rate" | "auth" | "bad" | "server" | "stream";

/** A failed question, reduced to what the UI needs to say about it. */
export class AskError extends Error {
  constructor(
    readonly kind: AskErrorKind,
    message: string,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export type AskHandlers = {
  onCitations?: (citations: Citation[]) => void;
  onDelta?: (text: string) => void;
};

/** Request headers, with the API key when the site gave one (data-key / key attribute). */
function authHeaders(
  key: string | undefined,
  base: Record<string, string> = {},
): Record<string, string> {
  return key ? { ...base, Authorization: `Bearer ${key}` } : base;
}

/** Joins a base URL ("https://host", "https://host/qa/", "") and an absolute API path. */
function apiUrl(endpoint: string, path: string): string {
  return endpoint.replace(/\/+$/, "") + path;
}

function parse<T>(data: string): T {
  try {
    return JSON.parse(data) as T;
  } catch {
    throw new AskError("stream", "malformed event data");
  }
}

function isAnswer(x: unknown): x is Answer {
  const a = x as Answer | null;
  return !!a && typeof a.answer === "string" && Array.isArray(a.citations);
}

async function failure(res: Response): Promise<AskError> {
  let message = `HTTP ${res.status}`;
  try {
    const body = (await res.json()) as { error?: { message?: string } };
    if (body.error?.message) message = body.error.message;
  } catch {
    // not JSON: keep the status line
  }
  if (res.status === 429) {
    const after = Number(res.headers.get("retry-after"));
    return new AskError("rate", message, Number.isFinite(after) && after > 0 ? after : undefined);
  }
  if (res.status === 401 || res.status === 403) return new AskError("auth", message);
  return new AskError(res.status >= 500 ? "server" : "bad", message);
}

/**
 * The titles of the corpus's documents (GET /api/documents), of only `docs` when given;
 * undefined when the list cannot be had.
 */
export async function documentTitles(
  endpoint: string,
  key: string | undefined,
  docs?: string[],
): Promise<string[] | undefined> {
  const res = await fetch(apiUrl(endpoint, "/api/documents"), {
    credentials: "omit",
    headers: authHeaders(key),
  });
  if (!res.ok) return undefined;
  const body = (await res.json()) as { documents?: { doc?: string; title?: string }[] };
  const wanted = docs?.length ? new Set(docs) : undefined;
  return (body.documents ?? [])
    .filter((d) => !wanted || wanted.has(d.doc ?? ""))
    .map((d) => d.title ?? "")
    .filter(Boolean);
}

/**
 * POST /api/ask as an event stream. Resolves with the final Answer; rejects with AskError
 * (or an AbortError when `signal` fires). Falls back to a plain JSON answer if the server
 * does not stream. A `citations` event after text means the answer starts over: the
 * handler gets it again, and the text after it replaces the text before.
 */
export async function ask(
  req: AskRequest,
  handlers: AskHandlers,
  signal?: AbortSignal,
): Promise<Answer> {
  const { question, history, docs } = req;
  let res: Response;
  try {
    res = await fetch(apiUrl(req.endpoint, "/api/ask"), {
      method: "POST",
      headers: authHeaders(req.key, {
        "Content-Type": "application/json",
        Accept: "text/event-stream",
      }),
      body: JSON.stringify({
        question,
        ...(history.length > 0 ? { history } : {}),
        ...(docs?.length ? { docs } : {}),
      }),
      credentials: "omit",
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new AskError("network", String(err));
  }
  if (!res.ok) throw await failure(res);

  const type = res.headers.get("content-type") ?? "";
  if (!type.includes("text/event-stream") || !res.body) {
    const body: unknown = await res.json().catch(() => undefined);
    if (isAnswer(body)) return body;
    throw new AskError("stream", "unexpected response");
  }

  let answer: Answer | undefined;
  let error: AskError | undefined;
  try {
    await readSse(res.body, ({ event, data }) => {
      if (answer || error) return;
      if (event === "citations") handlers.onCitations?.(parse<Citation[]>(data));
      else if (event === "delta") handlers.onDelta?.(parse<{ text: string }>(data).text ?? "");
      else if (event === "answer") {
        const body = parse<unknown>(data);
        if (!isAnswer(body)) throw new AskError("stream", "malformed answer");
        answer = body;
      } else if (event === "error") {
        const body = parse<{ error?: { code?: string; message?: string } }>(data);
        const code = body.error?.code ?? "";
        const kind = code.includes("rate") ? "rate" : "server";
        error = new AskError(kind, body.error?.message ?? "stream error");
      }
    });
  } catch (err) {
    if (signal?.aborted || err instanceof AskError) throw err;
    throw new AskError("network", String(err));
  }
  if (error) throw error;
  if (!answer) throw new AskError("stream", "stream ended before the answer");
  return answer;
}
