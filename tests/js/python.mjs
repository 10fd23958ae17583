// What the page gets from Python in its data block, asked from the calculator itself (never a copy).
import { execFileSync } from "node:child_process";

const PYTHON = process.env.PYTHON ?? ".venv/bin/python";

/** The calculator's amount pattern (calculator.numbers.AMOUNT_TEXT), as the build hands it to the page. */
export function amountPattern() {
  return execFileSync(PYTHON, ["-c", "from calculator.numbers import AMOUNT_TEXT; print(AMOUNT_TEXT.pattern, end='')"],
    { encoding: "utf-8" });
}
