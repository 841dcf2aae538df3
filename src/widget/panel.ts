/** The chat's frame: the stylesheet, the panel with its header, and the launcher button. */
import { h, nextId } from "./dom.js";
import type { Labels, Strings } from "./i18n.js";
import { icon } from "./icons.js";
import css from "./styles.css";

let sheet: CSSStyleSheet | undefined;

/** Gives a shadow root the widget's stylesheet: one constructed sheet for every element. */
export function adoptStyles(root: ShadowRoot): void {
  if ("adoptedStyleSheets" in root && typeof CSSStyleSheet === "function") {
    sheet ??= new CSSStyleSheet();
    if (sheet.cssRules.length === 0) sheet.replaceSync(css);
    root.adoptedStyleSheets = [sheet];
  } else {
    root.append(h("style", {}, css));
  }
}

export type PanelParts = {
  panel: HTMLElement;
  /** holds the reset and close buttons (`data-action`) */
  header: HTMLElement;
  title: HTMLElement;
  /** where new messages are announced to screen readers */
  live: HTMLElement;
  /** the button that opens the panel, in launcher mode */
  launcher?: HTMLButtonElement;
};

/**
 * The panel: a header (title, subtitle, new conversation, and close in launcher mode), the
 * `body` (the log and the composer), the disclaimer, a live region; in launcher mode a
 * dialog, hidden until its launcher opens it.
 */
export function buildPanel(labels: Labels, body: Node[], launcherMode: boolean): PanelParts {
  const panelId = nextId("panel");
  const titleId = `${panelId}-title`;
  const title = h("h2", { class: "title", id: titleId });
  const button = (action: string, name: "edit" | "close") =>
    h("button", { type: "button", class: "icon-btn", "data-action": action }, icon(name));
  const header = h(
    "header",
    { class: "header" },
    h("div", { class: "badge", "aria-hidden": "true" }, icon("doc")),
    h("div", { class: "titles" }, title, labels.add(h("p", { class: "subtitle" }), "subtitle")),
    labels.add(button("reset", "edit"), "reset", "aria-label", "title"),
    launcherMode && labels.add(button("close", "close"), "close", "aria-label", "title"),
  );
  const live = h("div", { class: "sr-only", "aria-live": "polite", "aria-atomic": "true" });
  const panel = h(
    "section",
    {
      class: "panel",
      id: panelId,
      "data-part": "panel",
      role: launcherMode ? "dialog" : "region",
      "aria-labelledby": titleId,
    },
    header,
    ...body,
    labels.add(h("p", { class: "foot" }), "disclaimer"),
    live,
  );
  if (!launcherMode) return { panel, header, title, live };
  panel.hidden = true;
  const launcher = h("button", {
    type: "button",
    class: "launcher",
    "data-part": "launcher",
    "aria-controls": panelId,
    "aria-expanded": "false",
  });
  return { panel, header, title, live, launcher };
}

/** The launcher says what it will do: open the chat, or close it. */
export function syncLauncher(launcher: HTMLButtonElement, open: boolean, t: Strings): void {
  launcher.setAttribute("aria-expanded", String(open));
  launcher.setAttribute("aria-label", open ? t.close : t.open);
  launcher.title = open ? t.close : t.open;
  launcher.replaceChildren(icon(open ? "down" : "chat"));
}
