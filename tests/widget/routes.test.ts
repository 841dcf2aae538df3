import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { PAGE_CSP, widgetRoutes } from "../../src/server/widget-routes.js";
import { buildWidgetBundle } from "../../src/widget/build.js";

describe("widget routes", () => {
  const bundle = "(()=>{console.log('widget')})();";
  const app = widgetRoutes({ bundle });

  it("GET / is the chat page under a self-only CSP", async () => {
    const res = await app.request("/");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/html; charset=UTF-8");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toBe(PAGE_CSP);
    expect(PAGE_CSP).not.toMatch(/unsafe|https?:|\*/);
    const html = await res.text();
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<report-qa-chat mode="page"></report-qa-chat>');
    expect(html).toContain('<script src="widget.js" defer></script>');
    expect(html).not.toMatch(/https?:\/\/|<style|style=/);
    expect(await (await app.request("/?lang=en")).text()).toContain('<html lang="en">');
    expect((await app.request("/favicon.ico")).status).toBe(204);
  });

  it("GET /widget.js is cacheable JavaScript with an ETag", async () => {
    const res = await app.request("/widget.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(res.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    expect(await res.text()).toBe(bundle);
    const etag = res.headers.get("etag") ?? "";
    expect(etag).toMatch(/^".+"$/);

    const again = await app.request("/widget.js", { headers: { "If-None-Match": `W/${etag}` } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");

    const gz = await app.request("/widget.js", { headers: { "Accept-Encoding": "gzip, br" } });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(bundle);
  });

  it("the real bundle is one small minified IIFE that loads nothing from elsewhere", async () => {
    const js = await buildWidgetBundle();
    expect(js.startsWith('"use strict";(()=>{')).toBe(true);
    expect(js).toContain("report-qa-chat");
    expect(Buffer.byteLength(js)).toBeLessThan(40_000);
    expect(js).not.toMatch(/@import|url\(|https:\/\/|fonts\.g/);
    // the only absolute URL is the SVG namespace, which is a name, not a request
    expect(js.match(/https?:\/\/[^"'`\s]+/g)).toEqual(["http://www.w3.org/2000/svg"]);
  });
});
