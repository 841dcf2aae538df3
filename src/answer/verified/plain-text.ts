/**
 * Model output -> plain text with [n] markers, before it reaches any client (a page, a bot
 * that renders Markdown or HTML). Works on one sentence at a time (see sentence-units.ts),
 * so every rule is local to the text it is given.
 */

/** Control and format characters (zero-width, bidi, BOM), except tab and newline. */
const CONTROL = /(?![\t\n])[\p{Cc}\p{Cf}]/gu;

const NAMED_ENTITY: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
};

/** HTML entities decoded once, so that an encoded tag is seen (and removed) as a tag. */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|([a-z]+));/gi, (m, dec, hex, name) => {
    if (name) return NAMED_ENTITY[String(name).toLowerCase()] ?? m;
    const code = dec ? Number(dec) : Number.parseInt(String(hex), 16);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/** Elements whose content is code or not text: removed with what they hold. */
const CONTENT_ELEMENT =
  /<\s*(script|style|template|noscript|iframe|object|embed|svg|math|textarea|title|xmp)\b[^>]*>[\s\S]*?(?:<\s*\/\s*\1\s*>|$)/gi;

/**
 * Markup that runs code or loads something (script-like elements, event handlers, script
 * and data URLs). A model that writes it is not answering from the passages: the checks
 * treat it as a failed answer, not as text to clean.
 */
const ACTIVE = [
  /<\s*\/?\s*(?:script|style|iframe|frame|frameset|object|embed|applet|svg|math|form|input|button|textarea|select|link|meta|base|img|image|video|audio|source|track|template)\b/i,
  /<[^>]*\s(?:on[a-z]+|formaction|srcdoc)\s*=/i,
  /\b(?:javascript|vbscript|livescript)\s*:/i,
  /\bdata\s*:\s*[a-z]+\/[\w.+-]+\s*[;,]/i,
];

export function hasActiveContent(raw: string): boolean {
  const text = decodeEntities(raw.replace(CONTROL, ""));
  return ACTIVE.some((re) => re.test(text));
}

/** A link's destination in parentheses, which may hold one level of parentheses itself. */
const DEST = String.raw`\((?:[^()]|\([^()]*\))*\)`;

/** Markdown and HTML reduced to their text, one rule at a time, in this order. */
const RULES: [RegExp, string][] = [
  [/<!--[\s\S]*?(?:-->|$)/g, ""],
  [CONTENT_ELEMENT, ""],
  [/<\/?[a-z][^<>]*>|<[!?][^<>]*>/gi, ""], // tags, doctype, processing instructions
  [/<\/?[a-z!?][^<>]*$/gi, ""], // a tag the sentence ends inside
  [new RegExp(String.raw`!\[[^\]]*\]${DEST}`, "g"), ""], // images
  [new RegExp(String.raw`\[(\d+)\]${DEST}`, "g"), "[$1]"], // a marker written as a link stays one
  [new RegExp(String.raw`\[([^\]]*)\]${DEST}`, "g"), "$1"], // links: their text
  [new RegExp(String.raw`\]${DEST}`, "g"), ""], // what is left of a link split over two sentences
  [/^[ \t]*\[[^\]]+\]:[ \t]*\S.*$/gm, ""], // link reference definitions
  [/\b(?:https?|ftp|file):\/\/[^\s<>"'）)\]\u3000-\u9fff\uff00-\uffef]*/gi, ""], // bare URLs
  [
    /\b(?:(?:javascript|vbscript|livescript)\s*:|data\s*:\s*[a-z]+\/)[^\s<>"'）)\]\u3000-\u9fff]*/gi,
    "",
  ],
  [/^[ \t]*(?:`{3,}|~{3,}).*$/gm, ""], // a fence line on its own
  [/`+([^`]*)`+/g, "$1"], // inline code
  [/^[ \t]{0,3}#{1,6}(?:[ \t].*)?$/gm, ""], // headings
  [/^[ \t]*(?:[-*_=][ \t]*){3,}$/gm, ""], // rules and setext underlines
  [/^[ \t]*(?:>[ \t]?)+/gm, ""], // block quotes
  [/^[ \t]*(?:[-*+•]|\d{1,2}[.)])[ \t]+/gm, ""], // list items
  [/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, "$2"], // strong, strikethrough
  [/(?<![\w*])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, "$1"], // emphasis
  [/</g, "＜"], // no tag can form when sentences are joined
  [/>/g, "＞"],
];

/**
 * One sentence of a model's answer as plain text: HTML tags and comments removed (with the
 * content of script-like elements), Markdown links reduced to their text and images, code
 * fences, headings, emphasis, quote and list marks removed, URLs removed, entities decoded
 * once, control characters dropped, and spaces collapsed. Line breaks between non-empty
 * lines stay.
 */
export function plainText(raw: string): string {
  let text = decodeEntities(raw.replace(/\r\n?/g, "\n").replace(CONTROL, "")).replace(CONTROL, "");
  for (const [re, to] of RULES) text = text.replace(re, to);
  return text
    .split("\n")
    .map((line) => line.replace(/[ \t\u00A0]+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}
