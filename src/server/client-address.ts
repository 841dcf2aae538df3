import { getConnInfo } from "@hono/node-server/conninfo";
import type { MiddlewareHandler } from "hono";
import type { Env } from "./deps.js";

/** "::ffff:10.0.0.1" -> "10.0.0.1"; else as is. */
const bare = (address: string) => address.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, "$1");

/**
 * Sets the request's `address`, for the key check and the limits: the socket's peer.
 * Requests made in-process (tests) have no socket: "local".
 */
export function findClientAddress(): MiddlewareHandler<Env> {
  return async (c, next) => {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      // no socket: an in-process request
    }
    c.set("address", peer ? bare(peer) : "local");
    await next();
  };
}
