import type { AskErrorKind } from "./api.js";

export type Lang = "zh" | "en";

const zh = {
  title: "政府工作报告问答",
  qa: "问答",
  subtitle: "回答均引自报告原文",
  open: "打开报告问答",
  close: "关闭",
  reset: "新对话",
  placeholder: "输入你的问题…",
  keys: "Enter 发送，Shift+Enter 换行",
  send: "发送",
  intro: "关于这份报告，想了解什么？回答会附上报告中的原文出处。",
  suggestions: ["今年的主要预期目标是什么？", "科技创新方面取得了哪些成绩？"],
  thinking: "正在查找报告…",
  notFound: "报告中未提及",
  sources: "出处",
  source: "出处",
  byReport: "各报告的情况",
  closeSource: "收起出处",
  retry: "重试",
  errNetwork: "无法连接到服务，请检查网络后重试。",
  errRate: "提问太频繁，请稍后再试。",
  errRateIn: "提问太频繁，请 {s} 秒后再试。",
  errBad: "这个问题无法发送，请修改后再试。",
  errAuth: "此网站无权访问问答服务，请联系网站管理员。",
  errServer: "服务暂时出错，请重试。",
  errStream: "回答中断了，请重试。",
  disclaimer: "回答依据报告原文，请以出处原文为准。",
};

export type Strings = typeof zh;

const en: Strings = {
  title: "Government Work Report Q&A",
  qa: "Q&A",
  subtitle: "Every answer cites the report",
  open: "Ask about the report",
  close: "Close",
  reset: "New conversation",
  placeholder: "Ask a question…",
  keys: "Enter sends, Shift+Enter adds a new line",
  send: "Send",
  intro: "What would you like to know about the report? Answers quote the passages they come from.",
  suggestions: ["What are this year's main targets?", "What was achieved in innovation?"],
  thinking: "Searching the report…",
  notFound: "Not in the report",
  sources: "Sources",
  source: "Source",
  byReport: "By report",
  closeSource: "Hide source",
  retry: "Retry",
  errNetwork: "Can't reach the service. Check your connection and retry.",
  errRate: "Too many questions. Please wait a moment and retry.",
  errRateIn: "Too many questions. Please retry in {s} s.",
  errBad: "This question couldn't be sent. Please edit it and retry.",
  errAuth: "This site isn't allowed to use the Q&A service. Please tell the site's owner.",
  errServer: "The service had a problem. Please retry.",
  errStream: "The answer was cut off. Please retry.",
  disclaimer: "Answers come from the report. Check the cited passages.",
};

export const STRINGS: Record<Lang, Strings> = { zh, en };

/** "zh", "zh-CN", "zh-Hant" -> zh; anything else (or nothing) -> en. */
function toLang(tag: string | null | undefined): Lang | undefined {
  if (!tag) return undefined;
  return tag.trim().toLowerCase().startsWith("zh") ? "zh" : "en";
}

/** The UI language of an element: its nearest `lang`, the page's, then the browser's. */
export function uiLang(el: Element): Lang {
  const tag =
    el.closest("[lang]")?.getAttribute("lang") ||
    document.documentElement.lang ||
    navigator.language;
  return toLang(tag) ?? "en";
}

/** Elements that show a UI string as their text or in attributes, rewritten on a language change. */
export class Labels {
  private items: [Element, keyof Strings, string | null][] = [];

  /** Registers `el` to show string `key` as its text, or in the given attributes. */
  add<E extends Element>(el: E, key: keyof Strings, ...attrs: string[]): E {
    if (attrs.length === 0) this.items.push([el, key, null]);
    for (const a of attrs) this.items.push([el, key, a]);
    return el;
  }

  apply(t: Strings): void {
    for (const [el, key, attr] of this.items) {
      const value = t[key];
      if (typeof value !== "string") continue;
      if (attr) el.setAttribute(attr, value);
      else el.textContent = value;
    }
  }
}

/** What to tell the reader about a failed question. */
export function errorText(t: Strings, kind?: AskErrorKind, retryAfter?: number): string {
  if (kind === "network") return t.errNetwork;
  if (kind === "rate")
    return retryAfter ? t.errRateIn.replace("{s}", String(retryAfter)) : t.errRate;
  if (kind === "auth") return t.errAuth;
  if (kind === "bad") return t.errBad;
  if (kind === "stream") return t.errStream;
  return t.errServer;
}
