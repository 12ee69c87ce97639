/**
 * npm run -s disclosure:check < in.jsonl > out.jsonl
 * One output line per input line, in order; a bad line gets an error line and the run goes on.
 * Spec v1 lines (no specVersion, or 1) and spec v2 lines ("specVersion": 2) may be mixed; each is
 * checked under its spec's built-in rule sets (`US@1`…, `US@v2.1`…), with the same checker as the app.
 */
import readline from "node:readline";
import { checkJsonLine } from "~/features/compliance";

const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
let buffer: string[] = [];

function flush() {
  if (!buffer.length) return true;
  const ok = process.stdout.write(buffer.join("\n") + "\n");
  buffer = [];
  return ok;
}

for await (const line of input) {
  buffer.push(checkJsonLine(line));
  if (buffer.length >= 1000 && !flush()) await new Promise((resolve) => process.stdout.once("drain", resolve));
}
flush();
