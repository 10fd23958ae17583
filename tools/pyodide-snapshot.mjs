// Build-time memory snapshot of Pyodide with the calculator imported (measured in the benchmark).
// Usage: node tools/pyodide-snapshot.mjs WHEEL OUT.bin.gz
// Made with node_modules/pyodide, the same version the site ships. Nothing per visitor is in it:
// no date, no portfolio, no random state (`random` is not imported); only code and the stdlib.
import { readFileSync, writeFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { loadPyodide } from "../node_modules/pyodide/pyodide.mjs";

const [wheel, out] = process.argv.slice(2);
const pyodide = await loadPyodide({ _makeSnapshot: true, stdout: () => {}, stderr: () => {} });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");
pyodide.runPython("import calculator.browser");
writeFileSync(out, gzipSync(pyodide.makeMemorySnapshot(), { level: 6 }));
