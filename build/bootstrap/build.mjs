// Compiles bootstrap.scss into the two files the layout links, as Bootstrap's own build does:
// Sass (expanded, so that the rtl: comments survive), Autoprefixer, RTLCSS for the
// right-to-left copy, then clean-css at level 1.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";
import postcss from "postcss";
import autoprefixer from "autoprefixer";
import rtlcss from "rtlcss";
import CleanCSS from "clean-css";

const here = dirname(fileURLToPath(import.meta.url));
const output = join(here, "..", "..", "src", "ConferenceApp", "wwwroot", "lib", "bootstrap", "dist", "css");

const compiled = sass.compile(join(here, "bootstrap.scss"), {
  style: "expanded",
  loadPaths: [join(here, "node_modules")],
});

const prefixed = await postcss([autoprefixer({ cascade: false })]).process(compiled.css, { from: undefined });
const rightToLeft = await postcss([autoprefixer({ cascade: false }), rtlcss()]).process(compiled.css, { from: undefined });

const minifier = new CleanCSS({ level: 1, format: { breakWith: "lf" } });
for (const [name, css] of [["bootstrap.min.css", prefixed.css], ["bootstrap.rtl.min.css", rightToLeft.css]]) {
  const result = minifier.minify(css);
  if (result.errors.length > 0) {
    throw new Error(`clean-css failed on ${name}: ${result.errors.join("; ")}`);
  }

  writeFileSync(join(output, name), result.styles + "\n");
  console.log(`wrote ${name} (${result.styles.length} bytes)`);
}
