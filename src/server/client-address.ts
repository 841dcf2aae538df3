import { BlockList, isIP } from "node:net";
import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { TrustProxy } from "../config.js";
import type { Env } from "./deps.js";

/** "::ffff:10.0.0.1" -> "10.0.0.1"; "[::1]:80" and "1.2.3.4:80" lose the port; else as is. */
function bare(address: string): string {
  const a = address.trim();
  const bracketed = a.match(/^\[([^\]]+)\](?::\d+)?$/);
  if (bracketed) return bare(bracketed[1] as string);
  const v4port = a.match(/^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/);
  if (v4port) return v4port[1] as string;
  const mapped = a.match(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i);
  return mapped ? (mapped[1] as string) : a;
}

/** The proxies' addresses as a BlockList, Node's own matcher for addresses and ranges. */
function proxyList(proxies: string[]): BlockList {
  const list = new BlockList();
  for (const p of proxies) {
    const [address = "", bits] = p.split("/");
    const type = isIP(address) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) list.addAddress(bare(address), type);
    else list.addSubnet(bare(address), Number(bits), type);
  }
  return list;
}

/**
 * The client's address, for rate limits and the wrong-key counter. Without TRUST_PROXY it
 * is the socket's peer: X-Forwarded-For is anyone's to write. With it, the hops of
 * X-Forwarded-For are read from the right (the nearest first) and the client is the first
 * one not a trusted proxy: with `hops: n`, the n nearest are the proxies; with `proxies`,
 * the addresses in those ranges are. Entries left of the client are never read, so a client
 * cannot choose its own address. Requests made in-process (tests) have no socket: "local".
 */
function clientAddressOf(trust?: TrustProxy): (c: Context) => string {
  const trusted = trust && "proxies" in trust ? proxyList(trust.proxies) : undefined;
  const isTrusted = (address: string) => {
    const family = isIP(address);
    return (
      family !== 0 &&
      trusted !== undefined &&
      trusted.check(address, family === 6 ? "ipv6" : "ipv4")
    );
  };
  return function clientAddress(c) {
    let peer: string | undefined;
    try {
      peer = getConnInfo(c).remote.address;
    } catch {
      // no socket: an in-process request
    }
    if (!peer) return "local";
    const socket = bare(peer);
    if (!trust) return socket;
    // nearest first: the socket's peer, then X-Forwarded-For from right to left
    const forwarded = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map(bare)
      .filter(Boolean)
      .reverse();
    const hops = [socket, ...forwarded];
    if ("hops" in trust) return hops[Math.min(trust.hops, hops.length - 1)] as string;
    for (const [i, hop] of hops.entries()) {
      // a hop that is not an address (a proxy's garbage) ends the walk at the one before it
      if (isIP(hop) === 0) return hops[Math.max(0, i - 1)] as string;
      if (!isTrusted(hop)) return hop;
    }
    return hops.at(-1) as string;
  };
}

/** Sets the request's `address` (clientAddressOf) for the key check and the limits. */
export function findClientAddress(trust?: TrustProxy): MiddlewareHandler<Env> {
  const addressOf = clientAddressOf(trust);
  return async (c, next) => {
    c.set("address", addressOf(c));
    await next();
  };
}
