/**
 * npm run mail:import -- FILE.eml|FILE.mbox…
 * Files each message as the SMTP receiver and the upload page do: same matching, threading and
 * deduplication (a message already logged is counted as a duplicate). Exit code 2 when some were refused.
 */
import fs from "node:fs";
import { emptySummary, fileIntoSummary, messagesInFile } from "~/features/mail/index.server";
import { runCli, withCliDatabase } from "./database";

runCli(async () => {
  const files = process.argv.slice(2).filter((arg) => arg !== "--");
  if (files.length === 0) {
    console.error("Usage: npm run mail:import -- FILE.eml|FILE.mbox…");
    return 64;
  }
  const missing = files.find((file) => !fs.existsSync(file));
  if (missing) {
    console.error(`No such file: ${missing}`);
    return 66;
  }
  return withCliDatabase(async (database) => {
    const summary = emptySummary();
    let index = 0;
    for (const file of files) {
      const messages = messagesInFile(fs.readFileSync(file));
      for (const raw of messages) {
        index += 1;
        await fileIntoSummary(summary, index, raw, "imported");
        if (index % 50 === 0) process.stderr.write(`\rFiling… ${index} messages`);
      }
    }
    process.stderr.write("\n");
    console.log(
      `${files.join(", ")} → ${database}: ${index} messages; ${summary.logged} logged, ${summary.triage} to triage, ${summary.bounce} delivery reports, ${summary.duplicate} already there, ${summary.refused.length} refused.`,
    );
    for (const refused of summary.refused) console.log(`message ${refused.index}: ${refused.reason}`);
    return summary.refused.length ? 2 : 0;
  });
});
