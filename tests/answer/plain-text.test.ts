/** A model's sentence reduced to plain text with [n] markers; markup that runs code is caught. */
import { describe, expect, it } from "vitest";
import { hasActiveContent, plainText } from "../../src/answer/verified/plain-text.js";

describe("plainText", () => {
  it("removes HTML tags and comments, and script-like elements with their content", () => {
    expect(plainText("<p>全社会研发经费投入<b>增长16%</b> [1]</p><!-- x -->。")).toBe(
      "全社会研发经费投入增长16% [1]。",
    );
    expect(plainText("增长16%<script>alert('a')</script><style>p{}</style> [1]。")).toBe(
      "增长16% [1]。",
    );
    expect(plainText("增长16% [1]<img src=x onerror=alert(1)>。<a href='")).toBe("增长16% [1]。");
  });

  it("decodes entities once, so that an encoded tag is removed too", () => {
    expect(plainText("R&amp;D &lt;b&gt;up&lt;/b&gt; 16% [1]&#12290;")).toBe("R&D up 16% [1]。");
    expect(plainText("&amp;lt;b&amp;gt;")).toBe("&lt;b&gt;");
  });

  it("reduces Markdown links to their text, with their URLs gone", () => {
    expect(plainText("见[报告](javascript:alert(1))第[2](#p2)段 https://x.example/a?b=1。")).toBe(
      "见报告第[2]段 。",
    );
    expect(plainText("![logo](data:image/png;base64,AAAA)Growth [1].")).toBe("Growth [1].");
    expect(plainText("[1]: https://evil.example")).toBe("");
  });

  it("removes headings, fences, emphasis, quote and list marks", () => {
    expect(plainText("## 答案")).toBe("");
    expect(plainText("```js")).toBe("");
    expect(plainText("> - **增长16%** [1] 与 *1.3万家* `[2]`")).toBe("增长16% [1] 与 1.3万家 [2]");
    expect(plainText("1. Spending grew 16% [1].")).toBe("Spending grew 16% [1].");
  });

  it("drops control characters and writes a stray < or > full-width", () => {
    expect(plainText("增长\u0000 16%\u202E\u200B [1]\u0007。")).toBe("增长 16% [1]。");
    expect(plainText("PM2.5 < 35 [1]")).toBe("PM2.5 ＜ 35 [1]");
    expect(plainText("增长16% [1]。<")).toBe("增长16% [1]。＜");
  });

  it("leaves an answer without markup as it is", () => {
    const answers = [
      "2023年，全社会研发经费投入增长16% [1]。",
      "In 2023, the report gives 13,000 enterprises [1]: “国家高新技术企业突破1.3万家”.",
    ];
    for (const a of answers) expect(plainText(a)).toBe(a);
  });
});

describe("hasActiveContent", () => {
  it("finds script-like elements, event handlers and script or data URLs, encoded or not", () => {
    for (const s of [
      "<script>alert(1)</script>",
      "&lt;script&gt;",
      "<iframe src=x>",
      '<a href="#" onclick="x()">',
      "[x](javascript:alert(1))",
      "[x](JaVaScRiPt :alert(1))",
      "data:text/html;base64,AAAA",
      "<img src=x>",
    ]) {
      expect(hasActiveContent(s), s).toBe(true);
    }
  });

  it("does not mistake ordinary text for it", () => {
    for (const s of [
      "增长16% [1]。",
      "<b>16%</b>",
      "The data: 16% [1].",
      "PM2.5 < 35",
      "[报告](https://x.example)",
    ]) {
      expect(hasActiveContent(s), s).toBe(false);
    }
  });
});
