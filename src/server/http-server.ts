import { createServer, type Server, type ServerResponse, STATUS_CODES } from "node:http";
import type { Duplex } from "node:stream";
import { getRequestListener, RequestError } from "@hono/node-server";
import { ApiError } from "./api-error.js";
import { acceptRawUtf8Targets } from "./raw-utf8-target.js";

type Fetch = (request: Request) => Response | Promise<Response>;

const JSON_TYPE = "application/json; charset=UTF-8";

/** What a request Node could not parse gets, by the parser's error code. */
function verdict(code: string | undefined): ApiError {
  if (code === "HPE_HEADER_OVERFLOW")
    return new ApiError(431, "headers_too_large", "the request's headers are too large");
  if (code === "ERR_HTTP_REQUEST_TIMEOUT")
    return new ApiError(408, "timeout", "the request did not arrive in time");
  return new ApiError(400, "bad_request", "the request is not valid HTTP");
}

/** A whole HTTP response for a socket no response object writes to; the socket then closes. */
function rawResponse(error: ApiError, headers: Record<string, string> = {}): string {
  const body = JSON.stringify(error);
  const lines = Object.entries({
    "Content-Type": JSON_TYPE,
    "Content-Length": String(Buffer.byteLength(body)),
    ...headers,
    Connection: "close",
  }).map(([k, v]) => `${k}: ${v}\r\n`);
  return `HTTP/1.1 ${error.status} ${STATUS_CODES[error.status]}\r\n${lines.join("")}\r\n${body}`;
}

/**
 * The HTTP server around the app. Requests that never reach the app get the API's JSON
 * error too: broken HTTP, oversized headers and odd Expect headers (Node refuses them),
 * request targets no URL can be made of ("*", a bad Host), which @hono/node-server refuses,
 * and CONNECT (Node hands it over as a tunnel request). Raw UTF-8 in the first request
 * line of a connection is percent-encoded before Node's parser sees it.
 */
export function createHttpServer(fetch: Fetch, defaultHost?: string): Server {
  const listener = getRequestListener(fetch, {
    // HTTP/1.0 clients may send no Host header
    hostname: defaultHost,
    errorHandler: (err) => {
      const error =
        err instanceof RequestError
          ? new ApiError(400, "bad_request", "the request target is not a valid URL")
          : new ApiError(500, "internal", "the request could not be completed");
      return new Response(JSON.stringify(error), {
        status: error.status,
        headers: { "content-type": JSON_TYPE },
      });
    },
  });
  const server = createServer(listener);
  acceptRawUtf8Targets(server);
  // this is not a proxy
  server.on("connect", (_req, socket: Duplex) => {
    const error = new ApiError(
      405,
      "method_not_allowed",
      "CONNECT is not supported: this is not a proxy",
    );
    socket.end(rawResponse(error, { Allow: "GET, HEAD, POST, OPTIONS" }));
  });
  // an Expect header other than 100-continue
  server.on("checkExpectation", (_req, res: ServerResponse) => {
    const error = new ApiError(417, "expectation_failed", "only Expect: 100-continue is supported");
    res.writeHead(error.status, { "content-type": JSON_TYPE, connection: "close" });
    res.end(JSON.stringify(error));
  });
  server.on("clientError", (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === "ECONNRESET" || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(rawResponse(verdict(err.code)));
  });
  return server;
}
