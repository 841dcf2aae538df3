import { createServer, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { getRequestListener, RequestError } from "@hono/node-server";

type Fetch = (request: Request) => Response | Promise<Response>;

const errorJson = (code: string, message: string) => JSON.stringify({ error: { code, message } });

/** What a request Node could not parse gets, by the parser's error code. */
function verdict(code: string | undefined): [number, string, string] {
  if (code === "HPE_HEADER_OVERFLOW")
    return [431, "headers_too_large", "the request's headers are too large"];
  if (code === "ERR_HTTP_REQUEST_TIMEOUT")
    return [408, "timeout", "the request did not arrive in time"];
  return [400, "bad_request", "the request is not valid HTTP"];
}

/**
 * The HTTP server around the app. Requests that never reach the app get the API's JSON
 * error too: broken HTTP, oversized headers and odd Expect headers (Node refuses them), and request
 * targets no URL can be made of ("*", a bad Host), which @hono/node-server refuses.
 */
export function createHttpServer(fetch: Fetch, defaultHost?: string): Server {
  const listener = getRequestListener(fetch, {
    // HTTP/1.0 clients may send no Host header
    hostname: defaultHost,
    errorHandler: (err) => {
      const bad = err instanceof RequestError;
      return new Response(
        bad
          ? errorJson("bad_request", "the request target is not a valid URL")
          : errorJson("internal", "the request could not be completed"),
        { status: bad ? 400 : 500, headers: { "content-type": "application/json; charset=UTF-8" } },
      );
    },
  });
  const server = createServer(listener);
  // an Expect header other than 100-continue
  server.on("checkExpectation", (_req, res: ServerResponse) => {
    res.writeHead(417, { "content-type": "application/json; charset=UTF-8", connection: "close" });
    res.end(errorJson("expectation_failed", "only Expect: 100-continue is supported"));
  });
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    const [status, code, message] = verdict(err.code);
    const body = errorJson(code, message);
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
  return server;
}
