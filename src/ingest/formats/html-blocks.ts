import { joinWrapped } from "./paragraph-lines.js";

/** Elements that start and end a paragraph (a line of the output). */
const BLOCK = new Set(
  (
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset " +
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section " +
    "summary table tbody td tfoot th thead tr ul"
  ).split(" "),
);
/** Elements whose content is never text of the page. */
const SKIP = new Set(
  "script style noscript template head iframe object svg canvas select button".split(" "),
);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Collapse HTML white space as a browser renders it: runs become one space, and a run that
 * holds a line break between two CJK characters disappears (CSS Text: segment breaks
 * between East Asian characters are removed), so "中\n国" reads 中国, not 中 国.
 */
function collapse(text: string): string {
  return joinWrapped(text.split(/[ \t\r\f]*\n[ \t\r\n\f]*/)).replace(/[ \t\r\n\f]+/g, " ");
}

/**
 * The paragraphs of an HTML element, in reading order: one per block element or line
 * break (`<br>`, and each line of a `<pre>`), white space collapsed, empty ones dropped.
 */
export function blockParagraphs(root: Node): string[] {
  const out: string[] = [];
  let current = "";
  const flush = () => {
    const text = collapse(current).trim();
    if (text) out.push(text);
    current = "";
  };
  const walk = (node: Node, pre: boolean) => {
    if (node.nodeType === TEXT_NODE) {
      const text = node.nodeValue ?? "";
      if (!pre) current += text;
      else {
        const lines = text.split(/\r\n?|\n/);
        lines.forEach((line, i) => {
          if (i > 0) flush();
          current += line;
        });
      }
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === "br") return flush();
    const block = BLOCK.has(tag);
    if (block) flush();
    for (const child of Array.from(node.childNodes)) walk(child, pre || tag === "pre");
    if (block) flush();
  };
  walk(root, false);
  flush();
  return out;
}
