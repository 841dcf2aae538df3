import { REQUEST_LIMITS } from "../api-contract.js";
import { AskError, documentTitles } from "./api.js";
import { stripMarkers } from "./cite-text.js";
import { errorText, Labels, STRINGS, type Strings, uiLang } from "./i18n.js";
import { Composer } from "./input.js";
import { MessageLog } from "./messages.js";
import { adoptStyles, buildPanel, syncLauncher } from "./panel.js";
import { type Asking, startAsking } from "./stream.js";
import type { Turn } from "./types.js";

/**
 * "a, b,,c " -> ["a", "b", "c"]; none -> undefined (every document). Ids go as written: an
 * id the server refuses (too many, too long) fails the question rather than widening it.
 */
function parseDocs(value: string | null | undefined): string[] | undefined {
  const docs = (value ?? "")
    .split(",")
    .map((d) => d.trim())
    .filter(Boolean);
  return docs.length > 0 ? docs : undefined;
}

/**
 * `<report-qa-chat mode="page|launcher|inline" endpoint="https://host" lang="zh|en"
 * docs="doc1,doc2" heading="…" key="…">`: the chat, in an open shadow root.
 */
export class ReportQaChat extends HTMLElement {
  /** Where the API lives when the element has no endpoint attribute (set by main.ts). */
  static defaultEndpoint = "";
  /** The API key from the script tag's data-key, when there is one (set by main.ts). */
  static defaultKey: string | undefined;
  /** The documents from the script tag's data-docs, when it names some (set by main.ts). */
  static defaultDocs: string | undefined;
  static observedAttributes = ["lang", "heading"];

  private t: Strings = STRINGS.en;
  private labels = new Labels();
  private built = false;
  private history: Turn[] = [];
  private busy: Asking | undefined;
  private reportTitle: string | undefined;
  private titleLoaded = false;

  private launcher?: HTMLButtonElement;
  private panel!: HTMLElement;
  private titleEl!: HTMLElement;
  private log!: MessageLog;
  private composer!: Composer;
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

  /** The documents answers may come from (`docs` attribute, comma-separated ids); all when unset. */
  get docs(): string[] | undefined {
    return parseDocs(this.getAttribute("docs") ?? ReportQaChat.defaultDocs);
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
    this.composer.focus();
    this.log.scrollToEnd(true);
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
    this.composer.clearIf(question);
    void this.run(question, this.log.user(question));
  }

  /** Forgets the conversation. */
  reset(): void {
    this.busy?.cancel();
    this.busy = undefined;
    this.history = [];
    this.log.showEmpty();
    this.composer.setBusy(false);
    this.composer.focus();
  }

  private build(): void {
    const root = this.attachShadow({ mode: "open" });
    adoptStyles(root);
    this.t = STRINGS[uiLang(this)];
    const launcherMode = this.mode === "launcher";
    this.log = new MessageLog(
      () => this.t,
      (q) => this.send(q),
    );
    this.log.showEmpty();
    this.composer = new Composer(this.labels, (text) => this.send(text));
    const parts = buildPanel(this.labels, [this.log.el, this.composer.form], launcherMode);
    this.panel = parts.panel;
    this.titleEl = parts.title;
    this.live = parts.live;
    this.launcher = parts.launcher;
    if (this.launcher) {
      this.launcher.addEventListener("click", () => (this.isOpen ? this.close() : this.open()));
      root.append(this.launcher);
    }
    root.append(this.panel);
    this.applyStrings();

    root.addEventListener("keydown", (e) => {
      if ((e as KeyboardEvent).key === "Escape" && this.isOpen && launcherMode) {
        e.preventDefault();
        this.close();
      }
    });
    parts.header.addEventListener("click", (e) => {
      const action = (e.target as Element).closest("[data-action]")?.getAttribute("data-action");
      if (action === "reset") this.reset();
      if (action === "close") this.close();
    });
  }

  private applyStrings(): void {
    this.t = STRINGS[uiLang(this)];
    this.labels.apply(this.t);
    this.log.refreshEmpty();
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
    if (this.launcher) syncLauncher(this.launcher, this.isOpen, this.t);
  }

  /** The header names the report when the chat covers exactly one. */
  private async loadTitle(): Promise<void> {
    if (this.titleLoaded || this.hasAttribute("heading")) return;
    this.titleLoaded = true;
    try {
      const titles = await documentTitles(this.endpoint, this.apiKey, this.docs);
      if (titles?.length === 1) this.reportTitle = titles[0];
      this.showTitle();
    } catch {
      this.titleLoaded = false; // try again on the next open
    }
  }

  private async run(question: string, userMsg: HTMLElement): Promise<void> {
    const history = this.history.slice(-REQUEST_LIMITS.historyTurns);
    const { msg, bubble } = this.log.pending(userMsg);
    this.announce(this.t.thinking);
    const req = { endpoint: this.endpoint, key: this.apiKey, question, history, docs: this.docs };
    const asking = startAsking(req, (text, citations) => this.log.partial(bubble, text, citations));
    this.busy = asking;
    this.composer.setBusy(true);
    try {
      const answer = await asking.answer;
      this.log.answer(msg, answer);
      this.composer.clearIf(question);
      const content = stripMarkers(answer.answer).trim();
      this.history.push({ role: "user", content: question }, { role: "assistant", content });
      this.history = this.history.slice(-REQUEST_LIMITS.historyTurns);
      this.announce(answer.grounded ? content : `${this.t.notFound}. ${content}`);
    } catch (err) {
      msg.remove();
      if (asking.cancelled) return; // reset() cancelled it
      const e = err instanceof AskError ? err : undefined;
      this.log.error(userMsg, errorText(this.t, e?.kind, e?.retryAfter), (dismiss) => {
        if (this.busy) return;
        dismiss();
        void this.run(question, userMsg);
      });
      this.composer.restore(question);
    } finally {
      if (this.busy === asking) this.busy = undefined;
      this.composer.setBusy(!!this.busy);
    }
  }

  private announce(text: string): void {
    this.live.textContent = "";
    window.setTimeout(() => {
      this.live.textContent = text;
    }, 60);
  }
}
