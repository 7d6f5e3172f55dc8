// Build the web UI's bundles from the npm packages (run by `make install`; never committed):
// a tree-shaken ECharts with only the charts, components and renderer the chart pages use.
import { statSync } from "node:fs";
import { build } from "esbuild";

const outfile = "platform/bizsuite/web/static/build/echarts.min.js";
await build({
  entryPoints: ["scripts/assets/echarts.js"],
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2020",
  legalComments: "eof",
  outfile,
  logLevel: "warning",
});
const kib = (path) => `${(statSync(path).size / 1024).toFixed(0)} KiB`;
console.log(`${outfile}: ${kib(outfile)} (the full bundle: ${kib("node_modules/echarts/dist/echarts.min.js")})`);
