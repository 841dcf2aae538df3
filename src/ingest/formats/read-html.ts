import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { decodeText, encodingFor } from "./decode-text.js";
import { blockParagraphs } from "./html-blocks.js";

/** Where a page declares its charset: `<meta charset>` or the http-equiv Content-Type. */
const META_CHARSET = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([\w.:-]+)/i;
/** The HTML standard looks for the meta charset within a page's first 1024 bytes; saved
 * pages put comments and long doctypes before it, so a little more is read. */
const SNIFF_BYTES = 4096;

/** Never part of an article: removed before Readability looks (it keeps links on short pages). */
const NAVIGATION = "nav, [role=navigation]";
/** Page furniture also dropped when Readability finds no article and the body is read. */
const FURNITURE = `${NAVIGATION}, header, footer, aside, form, [role=banner], [role=contentinfo]`;

/** The charset a page declares, when iconv-lite knows it. */
function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, SNIFF_BYTES)).toString("latin1");
  const label = head.match(META_CHARSET)?.[1];
  return label ? encodingFor(label) : undefined;
}

/**
 * The article's own title: the first h1–h3 whose text the page's `<title>` holds (which
 * adds the site's name to it). Readability keeps the title out of the article body.
 */
function articleTitle(document: Document): string | undefined {
  const pageTitle = document.title.replace(/\s+/g, "");
  if (!pageTitle) return undefined;
  for (const heading of Array.from(document.querySelectorAll("h1, h2, h3"))) {
    const text = blockParagraphs(heading).join(" ");
    if (text.length >= 2 && pageTitle.includes(text.replace(/\s+/g, ""))) return text;
  }
  return undefined;
}

/** Readability's article, or undefined when it finds none (it rewrites the document). */
function article(document: Document): Node | undefined {
  for (const el of Array.from(document.querySelectorAll(NAVIGATION))) el.remove();
  const found = new Readability<Node>(document, { serializer: (node) => node }).parse();
  return found?.content ?? undefined;
}

function wholeBody(html: string): Node {
  const { document } = parseHTML(html);
  for (const el of Array.from(document.querySelectorAll(FURNITURE))) el.remove();
  return document.body as unknown as Node;
}

/**
 * A web page as saved from a government site -> its article body, one line per paragraph
 * (from block elements and line breaks). The charset comes from the byte order mark, the
 * meta tag or detection (GBK pages are common). The article is Readability's pick; a page
 * it finds no article in is read whole, less its header, navigation and footer. The
 * article's title heads the text when the body does not start with it.
 */
export function readHtml(bytes: Uint8Array): string {
  const { text: html } = decodeText(bytes, declaredCharset(bytes));
  const document = parseHTML(html).document as unknown as Document;
  const title = articleTitle(document);
  const paragraphs = blockParagraphs(article(document) ?? wholeBody(html));
  if (title && paragraphs[0] !== title) paragraphs.unshift(title);
  return paragraphs.join("\n\n");
}
