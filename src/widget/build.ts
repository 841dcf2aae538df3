import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build, type Plugin, transform } from "esbuild";

const ENTRY = fileURLToPath(new URL("./main.ts", import.meta.url));

/** `import css from "./styles.css"` -> the stylesheet, minified, as a string. */
const cssText: Plugin = {
  name: "css-text",
  setup(b) {
    b.onLoad({ filter: /\.css$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const { code } = await transform(source, { loader: "css", minify: true });
      return { contents: code.trim(), loader: "text" };
    });
  },
};

/**
 * Bundles the widget (src/widget/main.ts) into one minified IIFE, in memory. The server
 * calls this once at start and serves the string as /widget.js.
 */
export async function buildWidgetBundle(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    minify: true,
    format: "iife",
    platform: "browser",
    target: ["es2022", "chrome100", "firefox100", "safari15"],
    charset: "utf8",
    legalComments: "none",
    write: false,
    logLevel: "silent",
    plugins: [cssText],
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error("widget build produced no output");
  return out.text;
}
