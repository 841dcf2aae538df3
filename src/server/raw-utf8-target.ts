import type { Server } from "node:http";
import type { Socket } from "node:net";

/** Tunables of the first-request-line fix. */
const RAW_TARGET = {
  /** a connection that sends nothing for this long is closed (Node's own header timeout
   * starts only once the connection is handed over) */
  firstBytesTimeoutMs: 30_000,
};

/** The request line with its bytes over 0x7f percent-encoded, as a browser would send it. */
function encodeHighBytes(line: Buffer): Buffer {
  let out = "";
  for (const b of line) {
    out += b > 0x7f ? `%${b.toString(16).toUpperCase()}` : String.fromCharCode(b);
  }
  return Buffer.from(out, "latin1");
}

/**
 * Request targets with raw UTF-8 in them (`curl 'host/api/search?q=成都'` sends the bytes
 * as typed) are not valid HTTP, and Node's parser refuses them. This looks at the first
 * bytes of each connection before the parser does and percent-encodes the bytes over 0x7f
 * in the first request line, which changes nothing for a valid request. Later requests on
 * a kept-alive connection go to the parser as sent (curl sends one per connection).
 */
export function acceptRawUtf8Targets(server: Server): void {
  const waiting = new Set<Socket>();
  const emit = server.emit.bind(server);
  const handOver = (socket: Socket) => emit("connection", socket);
  server.emit = ((event: string, ...args: unknown[]) => {
    if (event !== "connection") return emit(event, ...args);
    const socket = args[0] as Socket;
    waiting.add(socket);
    const timer = setTimeout(() => socket.destroy(), RAW_TARGET.firstBytesTimeoutMs);
    const done = () => {
      clearTimeout(timer);
      waiting.delete(socket);
    };
    socket.once("close", done);
    socket.once("data", (chunk: Buffer) => {
      done();
      socket.off("close", done);
      socket.pause();
      const end = chunk.indexOf("\r\n");
      const line = chunk.subarray(0, end < 0 ? chunk.length : end);
      const fixed = line.some((b) => b > 0x7f)
        ? Buffer.concat([encodeHighBytes(line), chunk.subarray(line.length)])
        : chunk;
      socket.unshift(fixed);
      handOver(socket);
      socket.resume();
    });
    return true;
  }) as Server["emit"];
  // a connection that has sent nothing yet is idle: shutdown closes it like Node's own
  const closeIdle = server.closeIdleConnections.bind(server);
  server.closeIdleConnections = () => {
    for (const s of waiting) s.destroy();
    closeIdle();
  };
}
