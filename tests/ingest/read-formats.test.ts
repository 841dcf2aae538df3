import { readFile } from "node:fs/promises";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../src/ingest/formats/decode-text.js";
import { readDocx } from "../../src/ingest/formats/read-docx.js";
import { readHtml } from "../../src/ingest/formats/read-html.js";
import { readPdf } from "../../src/ingest/formats/read-pdf.js";
import { readText } from "../../src/ingest/formats/read-text.js";
import { ingestFile } from "../../src/ingest/ingest-file.js";
import type { Format } from "../../src/ingest/types.js";

const REPORTS = "tests/fixtures/reports";
const NATIONAL_2018 = `${REPORTS}/national-2003-2018/2018年国务院政府工作报告.txt`;
const PROVINCE = (name: string) => `${REPORTS}/provinces-2025/2025年${name}政府工作报告.docx`;
const FORMATS = "tests/fixtures/formats";

const lines = (text: string) => text.split("\n").filter((l) => l.length > 0);

/** Ingest text as a document of this format; every passage must slice the document text. */
function ingested(name: string, format: Format, raw: string) {
  const { docs, passages } = ingestFile({ name, format, raw, meta: {} });
  const doc = docs[0];
  for (const p of passages) expect(doc?.text.slice(p.start, p.end)).toBe(p.text);
  return { doc, passages };
}

describe("plain text in the encodings reports come in", () => {
  it("reads the GB18030 national report without mojibake, with \\n line ends", async () => {
    const bytes = await readFile(NATIONAL_2018);
    expect(decodeText(bytes).encoding).toBe("gb18030");
    const text = readText(bytes);
    expect(text).toContain("国内生产总值从54万亿元增加到82.7万亿元");
    expect(text).not.toMatch(/[\r\ufffd]/);
    expect(lines(text)[0]).toBe("2018政府工作报告");
    const { passages } = ingested("2018.txt", "txt", text);
    expect(passages.some((p) => p.text.includes("国内生产总值从54万亿元增加到82.7万亿元"))).toBe(
      true,
    );
  });

  it("gives the same text from UTF-8 (with and without BOM), UTF-16 with BOM and GBK", async () => {
    const text = readText(await readFile(NATIONAL_2018));
    const crlf = text.replace(/\n/g, "\r\n");
    const variants: [string, Buffer][] = [
      ["utf-8", Buffer.from(text, "utf8")],
      ["utf-8", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, "utf8")])],
      ["utf-16le", iconv.encode(crlf, "utf-16le", { addBOM: true })],
      ["utf-16be", iconv.encode(text, "utf-16be", { addBOM: true })],
      ["gb18030", iconv.encode(text.replace(/\n/g, "\r"), "gbk")],
    ];
    for (const [encoding, bytes] of variants) {
      expect(decodeText(bytes).encoding).toBe(encoding);
      expect(readText(bytes)).toBe(text);
    }
  });

  it("reads a short GBK line, too short for much statistics", () => {
    const bytes = iconv.encode("国内生产总值增长5%左右。\r\n", "gbk");
    expect(readText(bytes)).toBe("国内生产总值增长5%左右。\n");
  });
});

describe("Word documents", () => {
  it("give one line per paragraph, without the full-width indents", async () => {
    const text = await readDocx(await readFile(PROVINCE("北京市")));
    const paragraphs = lines(text);
    expect(paragraphs.slice(0, 3)).toEqual([
      "2025年北京市政府工作报告",
      "来源：北京日报",
      "2025年1月14日在北京市第十六届人民代表大会第三次会议上北京市市长 殷勇同志作政府工作报告。",
    ]);
    expect(paragraphs).toContain("一、2024年工作回顾");
    expect(paragraphs.every((p) => p === p.trim())).toBe(true);
    const { doc, passages } = ingested("beijing.docx", "docx", text);
    expect(doc?.text).toContain("北京中轴线申遗圆满成功，世界文化遗产达到8处、居全球城市首位");
    expect(passages.length).toBeGreaterThan(50);
  });

  it("put a line break inside a paragraph on a line of its own", async () => {
    // the source line and the date line of the Jiangxi report are one <w:p> with a <w:br/>
    const paragraphs = lines(await readDocx(await readFile(PROVINCE("江西省"))));
    expect(paragraphs[1]).toBe("来源：江西省人民政府");
    expect(paragraphs[2]).toMatch(/^2025年1月17日在江西省第十四届人民代表大会第三次会议上/);
  });
});

describe("a web page saved from a government site", async () => {
  const page = await readFile(`${FORMATS}/jiangsu-2025-page.html`);
  // the page's article is the report's title and first 30 paragraphs (see make-html.ts)
  const expected = lines(await readDocx(await readFile(PROVINCE("江苏省")))).slice(0, 31);

  it("gives the article's title and paragraphs only, from GBK bytes with a gb2312 meta", () => {
    const text = readHtml(page);
    expect(lines(text)).toEqual(expected);
    for (const chrome of [
      "首页",
      "您当前的位置",
      "分享到",
      "相关链接",
      "主办单位",
      "ICP备",
      "_hmt",
    ])
      expect(text).not.toContain(chrome);
    const { doc } = ingested("jiangsu.html", "html", text);
    expect(doc?.text).toContain("城镇新增就业143.02万人、占全国1/10以上");
  });

  it("finds the charset without a meta tag, and despite a wrong one", () => {
    const html = iconv.decode(page, "gb18030");
    const noMeta = iconv.encode(html.replace(/<meta http-equiv[^>]*>/, ""), "gbk");
    const utf8 = Buffer.from(html.replace("charset=gb2312", "charset=utf-8"), "utf8");
    const mislabelled = iconv.encode(html.replace("charset=gb2312", "charset=utf-8"), "gbk");
    for (const bytes of [noMeta, utf8, mislabelled])
      expect(lines(readHtml(bytes))).toEqual(expected);
  });

  it("reads a short page's text, less its navigation and footer", () => {
    const html = Buffer.from(
      '<html><head><meta charset="utf-8"><title>通知</title></head><body><nav><a href="/">首页</a></nav>' +
        "<div>关于春节放假的通知<br>全市机关2月1日至7日放假。</div><footer>版权所有</footer></body></html>",
    );
    expect(lines(readHtml(html))).toEqual(["关于春节放假的通知", "全市机关2月1日至7日放假。"]);
    const empty = Buffer.from("<html><body><nav><a href='/'>首页</a></nav></body></html>");
    expect(readHtml(empty)).toBe("");
  });
});

describe("PDF", () => {
  it("rebuilds the paragraphs of a typeset report: wrapped lines joined, page numbers dropped", async () => {
    const text = await readPdf(await readFile(`${FORMATS}/hunan-2025-excerpt.pdf`));
    // the PDF was printed from the report's first 13 paragraphs (see make-pdf.ts)
    const expected = lines(await readDocx(await readFile(PROVINCE("湖南省")))).slice(0, 13);
    expect(lines(text)).toEqual(expected);
    expect(text).not.toContain("— 1 —");
    const { doc } = ingested("hunan.pdf", "pdf", text);
    // this paragraph crosses the page break
    expect(doc?.text).toContain("旅游业总收入迈上万亿新台阶，全省万亿级产业达到6个");
  });

  it("refuses a PDF without text and bytes that are no PDF, in its own words", async () => {
    await expect(readPdf(await readFile(`${FORMATS}/no-text.pdf`))).rejects.toThrow(
      "a PDF without text (scanned pages?)",
    );
    await expect(readPdf(Buffer.from("%PDF-1.7\nnot really"))).rejects.toThrow(
      "not a readable PDF",
    );
  });
});
