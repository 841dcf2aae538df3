import { answerTableElement, tableIntro } from "./answer-table.js";
import { AskError, apiUrl, ask, authHeaders } from "./api.js";
import { citedText, markRanges, splitAnswer, stripMarkers } from "./cite-text.js";
import { STRINGS, type Strings, toLang } from "./i18n.js";
import { icon } from "./icons.js";
import css from "./styles.css";
import type { Answer, Citation, Turn } from "./types.js";

const MAX_HISTORY = 20;
/** No event for this long and the answer counts as failed (retry is offered). */
const STALL_MS = 60_000;
const PARTIAL_MARKER = /[[［【][\d\s,，、]*$/;
const GLUE_BEFORE = /(?:[A-Za-z0-9][\w.,%$¥€-]*|\S)\s*$/;
const GLUE_AFTER = /^[。，、；：！？.,;:!?）)」』”’]+/;

type Attrs = Record<string, string | undefined>;
type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, v);
  for (const c of children) if (c) el.append(c);
  return el;
}

let sheet: CSSStyleSheet | undefined;
let uid = 0;

/** `<report-qa-chat mode="page|launcher|inline" endpoint="https://host" lang="zh|en">` */
export class ReportQaChat extends HTMLElement {
  /** Where the API lives when the element has no endpoint attribute (set by main.ts). */
  static defaultEndpoint = "";
  /** The API key from the script tag's data-key, when there is one (set by main.ts). */
  static defaultKey: string | undefined;
  static observedAttributes = ["lang", "heading"];

  private t: Strings = STRINGS.en;
  private built = false;
  private history: Turn[] = [];
  private answers = new WeakMap<Element, Answer>();
  private busy: AbortController | undefined;
  private reportTitle: string | undefined;
  private titleLoaded = false;
  private labels: [Element, keyof Strings, string | null][] = [];

  private launcher?: HTMLButtonElement;
  private panel!: HTMLElement;
  private titleEl!: HTMLElement;
  private log!: HTMLElement;
  private input!: HTMLTextAreaElement;
  private sendBtn!: HTMLButtonElement;
  private live!: HTMLElement;

  get mode(): string {
    return this.getAttribute("mode") ?? "inline";
  }

  get endpoint(): string {
    return this.getAttribute("endpoint") ?? ReportQaChat.defaultEndpoint;
  }

  /** The site's API key for report-qa, when the service needs one (`key` attribute). */
  get apiKey(): string | undefined {
    return this.getAttribute("key") ?? ReportQaChat.defaultKey;
  }

  get isOpen(): boolean {
    return !this.panel.hidden;
  }

  connectedCallback(): void {
    if (this.built) return;
    this.built = true;
    this.build();
    if (this.mode !== "launcher") void this.loadTitle();
  }

  attributeChangedCallback(): void {
    if (this.built) this.applyStrings();
  }

  open(): void {
    if (this.mode !== "launcher" || this.isOpen) return;
    this.panel.hidden = false;
    this.toggleAttribute("open", true);
    this.syncLauncher();
    this.input.focus();
    this.scrollToEnd(true);
    void this.loadTitle();
  }

  close(): void {
    if (this.mode !== "launcher" || !this.isOpen) return;
    const hadFocus = this.shadowRoot?.activeElement != null;
    this.panel.hidden = true;
    this.toggleAttribute("open", false);
    this.syncLauncher();
    if (hadFocus) this.launcher?.focus();
  }

  /** Sends a question as if typed. */
  send(text: string): void {
    const question = text.trim();
    if (!question || this.busy) return;
    if (this.input.value.trim() === question) this.input.value = "";
    this.autosize();
    this.log.querySelector(".empty")?.remove();
    for (const e of this.log.querySelectorAll("[data-part=error]")) e.remove();
    const bubble = h("div", { class: "bubble" }, question);
    const msg = h("div", { class: "msg", "data-part": "message", "data-role": "user" }, bubble);
    this.log.append(msg);
    void this.run(question, msg);
  }

  /** Forgets the conversation. */
  reset(): void {
    this.busy?.abort();
    this.busy = undefined;
    this.history = [];
    this.log.replaceChildren(this.emptyState());
    this.updateSend();
    this.input.focus();
  }

  // ---- building ----

  private build(): void {
    const root = this.attachShadow({ mode: "open" });
    if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function") {
      sheet ??= new CSSStyleSheet();
      if (sheet.cssRules.length === 0) sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.append(h("style", {}, css));
    }
    this.t = STRINGS[this.uiLang()];
    const launcherMode = this.mode === "launcher";
    const panelId = `rqa-panel-${++uid}`;
    const titleId = `${panelId}-title`;

    this.titleEl = h("h2", { class: "title", id: titleId });
    const subtitle = this.label(h("p", { class: "subtitle" }), "subtitle");
    const resetBtn = this.label(
      h("button", { type: "button", class: "icon-btn", "data-action": "reset" }, icon("edit")),
      "reset",
      "aria-label",
      "title",
    );
    const closeBtn =
      launcherMode &&
      this.label(
        h("button", { type: "button", class: "icon-btn", "data-action": "close" }, icon("close")),
        "close",
        "aria-label",
        "title",
      );
    const header = h(
      "header",
      { class: "header" },
      h("div", { class: "badge", "aria-hidden": "true" }, icon("doc")),
      h("div", { class: "titles" }, this.titleEl, subtitle),
      resetBtn,
      closeBtn,
    );

    this.log = h("div", { class: "log" });
    this.log.append(this.emptyState());

    const hintId = `${panelId}-hint`;
    const hint = this.label(h("span", { class: "sr-only", id: hintId }), "keys");
    this.input = h("textarea", {
      "data-part": "input",
      rows: "1",
      maxlength: "2000",
      enterkeyhint: "send",
      "aria-describedby": hintId,
    });
    this.label(this.input, "placeholder", "placeholder", "aria-label");
    this.sendBtn = h(
      "button",
      { type: "submit", class: "send", "data-part": "send", disabled: "" },
      icon("send"),
    );
    this.label(this.sendBtn, "send", "aria-label", "title");
    const form = h("form", { class: "composer" }, hint, this.input, this.sendBtn);
    const foot = this.label(h("p", { class: "foot" }), "disclaimer");
    this.live = h("div", { class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });

    this.panel = h(
      "section",
      {
        class: "panel",
        id: panelId,
        "data-part": "panel",
        role: launcherMode ? "dialog" : "region",
        "aria-labelledby": titleId,
      },
      header,
      this.log,
      form,
      foot,
      this.live,
    );

    if (launcherMode) {
      this.panel.hidden = true;
      this.launcher = h("button", {
        type: "button",
        class: "launcher",
        "data-part": "launcher",
        "aria-controls": panelId,
        "aria-expanded": "false",
      });
      this.launcher.addEventListener("click", () => (this.isOpen ? this.close() : this.open()));
      root.append(this.launcher);
    }
    root.append(this.panel);
    this.applyStrings();

    form.addEventListener("submit", (e) => {
      e.preventDefault();
      this.send(this.input.value);
    });
    this.input.addEventListener("keydown", (e) => {
      if (e.key !== "Enter" || e.shiftKey || e.isComposing || e.keyCode === 229) return;
      e.preventDefault();
      this.send(this.input.value);
    });
    this.input.addEventListener("input", () => {
      this.autosize();
      this.updateSend();
    });
    root.addEventListener("keydown", (e) => {
      if ((e as KeyboardEvent).key === "Escape" && this.isOpen && launcherMode) {
        e.preventDefault();
        this.close();
      }
    });
    header.addEventListener("click", (e) => {
      const action = (e.target as Element).closest("[data-action]")?.getAttribute("data-action");
      if (action === "reset") this.reset();
      if (action === "close") this.close();
    });
    this.log.addEventListener("click", (e) => this.onLogClick(e));
  }

  private uiLang() {
    const tag =
      this.closest("[lang]")?.getAttribute("lang") ||
      document.documentElement.lang ||
      navigator.language;
    return toLang(tag) ?? "en";
  }

  /** Registers `el` to show string `key` as its text, or in the given attributes. */
  private label<E extends Element>(el: E, key: keyof Strings, ...attrs: string[]): E {
    if (attrs.length === 0) this.labels.push([el, key, null]);
    for (const a of attrs) this.labels.push([el, key, a]);
    return el;
  }

  private applyStrings(): void {
    this.t = STRINGS[this.uiLang()];
    for (const [el, key, attr] of this.labels) {
      const value = this.t[key];
      if (typeof value !== "string") continue;
      if (attr) el.setAttribute(attr, value);
      else el.textContent = value;
    }
    this.log.querySelector(".empty")?.replaceWith(this.emptyState());
    this.showTitle();
    this.syncLauncher();
  }

  private showTitle(): void {
    const title = this.getAttribute("heading") || this.reportTitle || this.t.title;
    this.titleEl.textContent = title;
    this.titleEl.title = title;
    if (this.mode === "page" && this.reportTitle) {
      document.title = `${this.reportTitle} · ${this.t.qa}`;
    }
  }

  private syncLauncher(): void {
    const l = this.launcher;
    if (!l) return;
    const open = this.isOpen;
    l.setAttribute("aria-expanded", String(open));
    l.setAttribute("aria-label", open ? this.t.close : this.t.open);
    l.title = open ? this.t.close : this.t.open;
    l.replaceChildren(icon(open ? "down" : "chat"));
  }

  private async loadTitle(): Promise<void> {
    if (this.titleLoaded || this.hasAttribute("heading")) return;
    this.titleLoaded = true;
    try {
      const res = await fetch(apiUrl(this.endpoint, "/api/documents"), {
        credentials: "omit",
        headers: authHeaders(this.apiKey),
      });
      if (!res.ok) return;
      const body = (await res.json()) as { documents?: { title?: string }[] };
      const titles = (body.documents ?? []).map((d) => d.title).filter(Boolean);
      if (titles.length === 1) this.reportTitle = titles[0];
      this.showTitle();
    } catch {
      this.titleLoaded = false; // try again on the next open
    }
  }

  private emptyState(): HTMLElement {
    const list = h("div", { class: "suggest" });
    for (const s of this.t.suggestions) {
      list.append(h("button", { type: "button", "data-suggest": s }, s));
    }
    return h(
      "div",
      { class: "empty" },
      h("div", { class: "badge", "aria-hidden": "true" }, icon("chat")),
      h("p", {}, this.t.intro),
      list,
    );
  }

  // ---- asking ----

  private async run(question: string, userMsg: HTMLElement): Promise<void> {
    const history = this.history.slice(-MAX_HISTORY);
    const bubble = h(
      "div",
      { class: "bubble" },
      h("span", { class: "typing", "aria-hidden": "true" }, h("i"), h("i"), h("i")),
    );
    const msg = h(
      "div",
      { class: "msg", "data-part": "message", "data-role": "assistant", "aria-busy": "true" },
      bubble,
    );
    userMsg.after(msg);
    this.scrollToEnd(true);
    this.announce(this.t.thinking);

    const ctrl = new AbortController();
    this.busy = ctrl;
    this.updateSend();
    let stalled = false;
    let timer = 0;
    const alive = () => {
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        stalled = true;
        ctrl.abort();
      }, STALL_MS);
    };
    alive();

    let text = "";
    let citations: Citation[] = [];
    try {
      const answer = await ask(
        this.endpoint,
        question,
        history,
        {
          onCitations: (c) => {
            alive();
            citations = c;
          },
          onDelta: (d) => {
            alive();
            text += d;
            this.fillAnswer(bubble, text.replace(PARTIAL_MARKER, ""), citations, false);
            this.scrollToEnd();
          },
        },
        ctrl.signal,
        this.apiKey,
      );
      this.showAnswer(msg, answer);
      if (this.input.value.trim() === question) {
        this.input.value = "";
        this.autosize();
      }
      const content = stripMarkers(answer.answer).trim();
      this.history.push({ role: "user", content: question }, { role: "assistant", content });
      this.history = this.history.slice(-MAX_HISTORY);
      this.announce(answer.grounded ? content : `${this.t.notFound}. ${content}`);
    } catch (err) {
      msg.remove();
      if (ctrl.signal.aborted && !stalled) return; // reset() cancelled it
      this.showError(userMsg, question, stalled ? new AskError("stream", "stalled") : err);
    } finally {
      clearTimeout(timer);
      if (this.busy === ctrl) this.busy = undefined;
      this.updateSend();
    }
  }

  private showError(userMsg: HTMLElement, question: string, err: unknown): void {
    const t = this.t;
    let text = t.errServer;
    if (err instanceof AskError) {
      if (err.kind === "network") text = t.errNetwork;
      else if (err.kind === "rate")
        text = err.retryAfter ? t.errRateIn.replace("{s}", String(err.retryAfter)) : t.errRate;
      else if (err.kind === "auth") text = t.errAuth;
      else if (err.kind === "bad") text = t.errBad;
      else if (err.kind === "stream") text = t.errStream;
    }
    const retry = h("button", { type: "button", "data-action": "retry" }, icon("retry"), t.retry);
    const box = h(
      "div",
      { class: "error", "data-part": "error", role: "alert" },
      icon("alert"),
      h("span", {}, text),
      retry,
    );
    retry.addEventListener("click", () => {
      if (this.busy) return;
      box.remove();
      void this.run(question, userMsg);
    });
    userMsg.after(box);
    // the question goes back into an empty box so it can be edited or sent again
    if (!this.input.value.trim()) {
      this.input.value = question;
      this.autosize();
    }
    this.updateSend();
    this.scrollToEnd(true);
  }

  // ---- rendering answers ----

  /** Answer text with its [n] markers as citation buttons (plain badges while streaming). */
  private fillAnswer(bubble: HTMLElement, text: string, citations: Citation[], live: boolean) {
    const byN = new Map(citations.map((c) => [c.n, c]));
    const nodes: Node[] = [];
    const parts = splitAnswer(text);
    parts.forEach((part, i) => {
      if ("text" in part) {
        if (part.text) nodes.push(document.createTextNode(part.text));
        return;
      }
      if (!part.cite.every((n) => byN.has(n))) {
        nodes.push(document.createTextNode(part.raw));
        return;
      }
      // keep a badge on the line of the word before it and the punctuation after it
      const prev = nodes[nodes.length - 1];
      let group: HTMLElement;
      if (prev instanceof HTMLElement && prev.className === "nowrap") group = prev;
      else {
        group = h("span", { class: "nowrap" });
        const glue = prev instanceof Text ? prev.data.match(GLUE_BEFORE)?.[0] : undefined;
        if (prev instanceof Text && glue) group.append(prev.splitText(prev.length - glue.length));
        nodes.push(group);
      }
      for (const n of part.cite) group.append(this.citeBadge(n, byN.get(n), live));
      const next = parts[i + 1];
      const after = next && "text" in next ? next.text.match(GLUE_AFTER)?.[0] : undefined;
      if (next && "text" in next && after) {
        group.append(after);
        next.text = next.text.slice(after.length);
      }
    });
    bubble.replaceChildren(...nodes);
  }

  private citeBadge(n: number, c: Citation | undefined, live: boolean): HTMLElement {
    if (!live) return h("span", { class: "cite" }, String(n));
    const leaf = c?.section[c.section.length - 1] ?? c?.doc ?? "";
    return h(
      "button",
      {
        type: "button",
        class: "cite",
        "data-part": "citation",
        "data-n": String(n),
        "aria-expanded": "false",
        "aria-label": `${this.t.source} ${n}: ${leaf}`,
      },
      String(n),
    );
  }

  private showAnswer(msg: HTMLElement, answer: Answer): void {
    msg.removeAttribute("aria-busy");
    this.answers.set(msg, answer);
    const bubble = h("div", { class: "bubble" });
    msg.replaceChildren(bubble);
    if (!answer.grounded) {
      msg.setAttribute("data-grounded", "false");
      bubble.append(
        h("div", { class: "note" }, icon("info"), this.t.notFound),
        stripMarkers(answer.answer).trim(),
      );
      return;
    }
    msg.setAttribute("data-grounded", "true");
    const table = answer.table?.rows.length ? answer.table : undefined;
    const text = table ? tableIntro(answer.answer, table.rows.length) : answer.answer.trim();
    this.fillAnswer(bubble, text, answer.citations, true);
    if (table) {
      const byN = new Map(answer.citations.map((c) => [c.n, c]));
      bubble.append(answerTableElement(table, (n) => this.citeBadge(n, byN.get(n), true)));
    }
    if (answer.citations.length === 0) return;
    const sources = h(
      "div",
      { class: "sources" },
      h("span", { class: "sources-label" }, `${this.t.sources}`),
    );
    for (const c of [...answer.citations].sort((a, b) => a.n - b.n)) {
      // a bare "（一）" says little: show its parent heading with it
      const tail = c.section.slice(-2);
      const leaf = (tail[1] && tail[1].length < 6 ? tail.join(" › ") : tail.at(-1)) || c.doc;
      sources.append(
        h(
          "button",
          {
            type: "button",
            class: "chip",
            "data-n": String(c.n),
            "aria-expanded": "false",
            title: c.section.join(" › ") || c.doc,
          },
          h("span", { class: "num" }, String(c.n)),
          h("span", { class: "label" }, leaf),
        ),
      );
    }
    msg.append(sources);
  }

  private onLogClick(e: Event): void {
    const target = e.target as Element;
    const suggestion = target.closest("[data-suggest]")?.getAttribute("data-suggest");
    if (suggestion) {
      this.send(suggestion);
      return;
    }
    const msg = target.closest<HTMLElement>(".msg");
    if (!msg) return;
    const n = target.closest("button[data-n]")?.getAttribute("data-n");
    if (target.closest("[data-action=close-source]")) this.toggleSource(msg, undefined);
    else if (n) this.toggleSource(msg, Number(n));
  }

  /** Opens citation `n` of an answer (closes it if it is the one open; `undefined` closes). */
  private toggleSource(msg: HTMLElement, n: number | undefined): void {
    const answer = this.answers.get(msg);
    const current = msg.querySelector<HTMLElement>("[data-part=source]");
    const wasOpen = current ? Number(current.getAttribute("data-n")) : undefined;
    current?.remove();
    const show = n !== wasOpen ? n : undefined;
    const c = answer?.citations.find((x) => x.n === show);
    const id = `rqa-src-${++uid}`;
    for (const b of msg.querySelectorAll("button[data-n]")) {
      const on = c !== undefined && Number(b.getAttribute("data-n")) === c.n;
      b.setAttribute("aria-expanded", String(on));
      if (on) b.setAttribute("aria-controls", id);
    }
    if (!answer || !c) return;

    const passage = h("p", { class: "passage" });
    let at = 0;
    for (const [s, e] of markRanges(c.text, citedText(answer.answer, c.n))) {
      if (s > at) passage.append(c.text.slice(at, s));
      passage.append(h("mark", {}, c.text.slice(s, e)));
      at = e;
    }
    if (at < c.text.length) passage.append(c.text.slice(at));
    const path = c.section.join(" › ") || c.doc;
    const card = h(
      "div",
      {
        class: "source",
        id,
        "data-part": "source",
        "data-n": String(c.n),
        "data-id": c.id,
        role: "region",
        "aria-label": `${this.t.source} ${c.n}`,
      },
      h(
        "div",
        { class: "source-head" },
        h("span", { class: "num" }, String(c.n)),
        h("span", { class: "path", "data-part": "path" }, path),
        h(
          "button",
          {
            type: "button",
            class: "icon-btn",
            "data-action": "close-source",
            "aria-label": this.t.closeSource,
            title: this.t.closeSource,
          },
          icon("close"),
        ),
      ),
      passage,
    );
    msg.append(card);
    card.scrollIntoView?.({ block: "nearest", behavior: "smooth" });
  }

  // ---- small things ----

  private updateSend(): void {
    this.sendBtn.disabled = !!this.busy || !this.input.value.trim();
  }

  private autosize(): void {
    const ta = this.input;
    ta.style.height = "";
    if (ta.value) ta.style.height = `${Math.min(ta.scrollHeight + 2, 160)}px`;
  }

  private scrollToEnd(force = false): void {
    const log = this.log;
    if (force || log.scrollHeight - log.scrollTop - log.clientHeight < 120) {
      log.scrollTop = log.scrollHeight;
    }
  }

  private announce(text: string): void {
    this.live.textContent = "";
    window.setTimeout(() => {
      this.live.textContent = text;
    }, 60);
  }
}
