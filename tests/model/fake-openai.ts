/** A fake OpenAI-compatible server on 127.0.0.1 (random port) that the model tests start:
 * POST /v1/chat/completions (JSON, or SSE when `stream` is set) and POST /v1/embeddings
 * (deterministic vectors, float or base64). It records every request it receives. */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

export type ChatMessage = { role: string; content: string };
export type ChatBody = {
  model: string;
  messages: ChatMessage[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  [key: string]: unknown;
};

export type ChatCall = {
  body: ChatBody;
  system: string;
  user: string;
  stream: boolean;
  /** the client closed the connection before the response ended (a cancelled call) */
  closedEarly: boolean;
  /** resolves when the connection closes, either way */
  closed: Promise<void>;
};

/** A reply's text, streamed in about `pieces` chunks when the client asks for a stream. */
export type TextReply = {
  text: string;
  pieces?: number;
  /** stop after this many chunks and keep the stream open */
  hangAfter?: number;
  /** after this many chunks, end the response without a finish reason or [DONE] */
  cutAfter?: number;
  /** after `after` chunks, send nothing more until `until` settles */
  pause?: { after: number; until: Promise<void> };
};

export type ChatReply =
  | TextReply
  /** an error status with an OpenAI-style error body */
  | { status: number; message?: string }
  /** a 200 (or `status`) whose body is sent as is: an HTML page, a JSON error, garbage */
  | { raw: string; contentType: string; status?: number }
  /** accept the request and never answer */
  | { hang: true };

export type Replier = (call: ChatCall) => ChatReply;

export type EmbedCall = { input: string[]; model: string; encodingFormat?: string };

export type FakeOpenAI = {
  /** base URL for OPENAI_BASE_URL, ending in /v1 */
  url: string;
  chats: ChatCall[];
  embeds: EmbedCall[];
  /** how the next chat requests are answered (default: "NOT_IN_REPORT") */
  reply(fn: Replier): void;
  reset(): void;
  close(): Promise<void>;
};

export const FAKE_DIMENSIONS = 16;

/** A deterministic unit vector for a text: character codes hashed into buckets. */
export function fakeVector(text: string): number[] {
  const v = new Float64Array(FAKE_DIMENSIONS);
  v[0] = 1; // never the zero vector
  for (const ch of text) {
    const i = ((ch.codePointAt(0) ?? 0) * 2654435761) % FAKE_DIMENSIONS;
    v[i] = (v[i] ?? 0) + 1;
  }
  const norm = Math.hypot(...v);
  return [...v].map((x) => x / norm);
}

const readBody = (req: IncomingMessage) =>
  new Promise<string>((ok, fail) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (d: string) => {
      data += d;
    });
    req.on("end", () => ok(data));
    req.on("error", fail);
  });

const text = (c: ChatMessage | undefined) => (typeof c?.content === "string" ? c.content : "");

/** Split a text into about n pieces (by characters, so Chinese splits too). */
function pieces(s: string, n: number): string[] {
  const chars = [...s];
  const size = Math.max(1, Math.ceil(chars.length / n));
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(""));
  return out;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function streamReply(res: ServerResponse, body: ChatBody, reply: TextReply) {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" });
  const base = {
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 1,
    model: body.model,
  };
  const send = (chunk: unknown) => res.write(`data: ${JSON.stringify(chunk)}\n\n`);
  send({
    ...base,
    choices: [{ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null }],
  });
  const parts = pieces(reply.text, reply.pieces ?? 4);
  for (const [i, content] of parts.entries()) {
    if (reply.hangAfter !== undefined && i >= reply.hangAfter) return; // keep the stream open
    if (reply.cutAfter !== undefined && i >= reply.cutAfter) return void res.end();
    if (reply.pause && i === reply.pause.after) await reply.pause.until.catch(() => {});
    await sleep(5);
    if (res.destroyed) return;
    send({ ...base, choices: [{ index: 0, delta: { content }, finish_reason: null }] });
  }
  send({ ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] });
  if (body.stream_options?.include_usage) {
    send({
      ...base,
      choices: [],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    });
  }
  res.end("data: [DONE]\n\n");
}

function jsonReply(res: ServerResponse, body: ChatBody, reply: { text: string }) {
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(
    JSON.stringify({
      id: "chatcmpl-fake",
      object: "chat.completion",
      created: 1,
      model: body.model,
      choices: [
        { index: 0, message: { role: "assistant", content: reply.text }, finish_reason: "stop" },
      ],
      usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
    }),
  );
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const chats: ChatCall[] = [];
  const embeds: EmbedCall[] = [];
  const defaultReplier: Replier = () => ({ text: "NOT_IN_REPORT" });
  let replier = defaultReplier;

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (req.method === "POST" && req.url === "/v1/chat/completions") {
      const body = JSON.parse(raw) as ChatBody;
      let markClosed = () => {};
      const call: ChatCall = {
        body,
        system: text(body.messages.find((m) => m.role === "system")),
        user: text(body.messages.find((m) => m.role === "user")),
        stream: body.stream === true,
        closedEarly: false,
        closed: new Promise<void>((ok) => {
          markClosed = ok;
        }),
      };
      res.on("close", () => {
        call.closedEarly = !res.writableFinished;
        markClosed();
      });
      chats.push(call);
      const reply = replier(call);
      if ("hang" in reply) return;
      if ("raw" in reply) {
        res.writeHead(reply.status ?? 200, { "Content-Type": reply.contentType });
        return void res.end(reply.raw);
      }
      if ("status" in reply) {
        return json(reply.status, {
          error: { message: reply.message ?? "fake failure", type: "server_error", code: null },
        });
      }
      return call.stream ? streamReply(res, body, reply) : jsonReply(res, body, reply);
    }
    if (req.method === "POST" && req.url === "/v1/embeddings") {
      const body = JSON.parse(raw) as {
        input: string | string[];
        model: string;
        encoding_format?: string;
      };
      const input = Array.isArray(body.input) ? body.input : [body.input];
      embeds.push({ input, model: body.model, encodingFormat: body.encoding_format });
      const data = input.map((t, index) => {
        const v = fakeVector(t);
        const embedding =
          body.encoding_format === "base64"
            ? Buffer.from(new Float32Array(v).buffer).toString("base64")
            : v;
        return { object: "embedding", index, embedding };
      });
      return json(200, {
        object: "list",
        data,
        model: body.model,
        usage: { prompt_tokens: 1, total_tokens: 1 },
      });
    }
    json(404, {
      error: { message: `no route ${req.method} ${req.url}`, type: "invalid_request_error" },
    });
  });

  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    chats,
    embeds,
    reply(fn) {
      replier = fn;
    },
    reset() {
      chats.length = 0;
      embeds.length = 0;
      replier = defaultReplier;
    },
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The n of the passage whose text holds `needle`, read from an answer prompt's user message. */
export function passageNumber(user: string, needle: string): number | undefined {
  for (const m of user.matchAll(/<passage n="(\d+)"[^>]*>\n([\s\S]*?)\n<\/passage>/g)) {
    if ((m[2] ?? "").includes(needle)) return Number(m[1]);
  }
  return undefined;
}
