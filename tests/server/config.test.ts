import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";

describe("server configuration", () => {
  it("refuses a widget key without API keys: the service would be open all the same", () => {
    expect(() => loadConfig({ WIDGET_KEY: "widget-key-0123456789" })).toThrow(
      /WIDGET_KEY needs API_KEYS/,
    );
    const c = loadConfig({ WIDGET_KEY: "widget-key-0123456789", API_KEYS: "api-key-0123456789" });
    expect([c.widgetKey, c.widgetRateLimitPerMinute]).toEqual(["widget-key-0123456789", 60]);
  });
});
