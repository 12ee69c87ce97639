/**
 * npm run bench:disclosure — the batch checker on 100,000 lines (issue 29: under 10 s), half spec
 * v1 and half spec v2 with several fields and jurisdictions, through the real command and a pipe.
 */
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

const LINES = 100_000;
const captions = [
  "Morning run in the new trainers from @stride #gifted #run #morning #sun",
  "Mein neuer Lieblingsrucksack begleitet mich auf der ganzen Tour. Werbung für @bergwelt",
  "Ma routine du soir avec @glow — Publicité, code GLOW10 https://glow.example/routine",
  "So excited to share this with you all! Link in bio. " + "Lots of words here to pass the fold. ".repeat(5) + "#ad #sp #collab",
  "#ａｄ New drop, thanks to Acme\u200B for the shoes",
];
const platforms = ["instagram", "tiktok", "youtube", "blog", "podcast", "twitch"];

function line(i: number): string {
  const text = captions[i % captions.length];
  const platform = platforms[i % platforms.length];
  if (i % 2 === 0)
    return JSON.stringify({ id: i, jurisdiction: ["US", "FR", "UK", "DE"][i % 4], platform, text, paid: i % 3 === 0, gifted: true });
  return JSON.stringify({
    id: i,
    specVersion: 2,
    jurisdictions: i % 3 === 0 ? ["FR", "DE"] : ["US", "UK"],
    platform,
    language: ["en", "fr", "de"][i % 3],
    text,
    title: i % 5 === 0 ? "Sponsored: my favourite pans" : null,
    onScreenLabel: i % 7 === 0 ? "Werbung" : undefined,
    spokenLabel: i % 4 === 1 ? "this video is an ad for Acme" : undefined,
    relationship: { gifts: i % 2, paid: i % 3 === 0, promoCode: i % 5 === 0, brandControl: i % 7 === 0 },
    advertiser: { name: "Glow", handles: ["@glow"] },
  });
}

const input = Array.from({ length: LINES }, (_, i) => line(i)).join("\n") + "\n";
const started = performance.now();
const child = spawn(process.execPath, ["--import", "tsx", "app/cli/disclosure-check.ts"], { stdio: ["pipe", "pipe", "inherit"] });
let out = 0;
let errors = 0;
let tail = "";
child.stdout.on("data", (chunk: Buffer) => {
  const text = tail + chunk.toString("utf8");
  const lines = text.split("\n");
  tail = lines.pop() ?? "";
  out += lines.length;
  for (const l of lines) if (l.includes('"error"')) errors++;
});
child.stdin.end(input);
child.on("close", (code) => {
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${LINES.toLocaleString("en")} lines in, ${out.toLocaleString("en")} out, ${errors} errors, in ${seconds.toFixed(2)} s (target < 10 s)`,
  );
  if (code !== 0 || out !== LINES || errors || seconds >= 10) process.exit(1);
});
