/**
 * Compresses the browser build once, at the highest levels (brotli 11, gzip 9), next to each file:
 * the server sends these instead of compressing every response on the fly at a fast, weaker level.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const buildDir = fileURLToPath(new URL("../../public/build", import.meta.url));
const compressible = /\.(js|css|json|svg)$/;

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) yield* files(file);
    else if (compressible.test(name)) yield file;
  }
}

let count = 0;
let plain = 0;
let brotli = 0;
for (const file of files(buildDir)) {
  const source = readFileSync(file);
  const br = brotliCompressSync(source, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length },
  });
  writeFileSync(`${file}.br`, br);
  writeFileSync(`${file}.gz`, gzipSync(source, { level: 9 }));
  count++;
  plain += source.length;
  brotli += br.length;
}
console.log(`compressed ${count} assets: ${(plain / 1024).toFixed(0)} KB → ${(brotli / 1024).toFixed(0)} KB with brotli`);
