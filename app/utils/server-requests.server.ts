/**
 * The embedded database belongs to the one process that opened it. A command-line tool that needs
 * it while the app runs (backup, vacuum) asks that process: it writes a request file next to the
 * database and sends SIGUSR2; the app does the work and writes the answer beside the request.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type ServerRequest = { kind: "backup"; file: string } | { kind: "vacuum" };
type Answer = { ok: true; message: string } | { ok: false; message: string };

const requestDir = (dataDir: string) => `${dataDir}.requests`;

/** The pid of the live process that holds the embedded database, if one does. */
export function embeddedDatabaseHolder(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(`${dataDir}.lock`, "utf8"));
    if (!pid || pid === process.pid) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export async function askRunningServer(dataDir: string, pid: number, request: ServerRequest, timeoutMs = 30 * 60_000): Promise<string> {
  const dir = requestDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const id = crypto.randomUUID();
  fs.writeFileSync(path.join(dir, `${id}.json.partial`), JSON.stringify(request));
  fs.renameSync(path.join(dir, `${id}.json.partial`), path.join(dir, `${id}.json`));
  process.kill(pid, "SIGUSR2");
  const answerFile = path.join(dir, `${id}.answer`);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(answerFile)) {
      const answer = JSON.parse(fs.readFileSync(answerFile, "utf8")) as Answer;
      fs.rmSync(answerFile, { force: true });
      if (!answer.ok) throw new Error(answer.message);
      return answer.message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  fs.rmSync(path.join(dir, `${id}.json`), { force: true });
  throw new Error(`The app (process ${pid}) did not answer within ${Math.round(timeoutMs / 1000)} s.`);
}

/** In the app: on SIGUSR2, works through the waiting requests one at a time. */
export function answerServerRequests(dataDir: string, handle: (request: ServerRequest) => Promise<string>) {
  const dir = requestDir(dataDir);
  let running = Promise.resolve();
  const work = async () => {
    if (!fs.existsSync(dir)) return;
    for (const name of fs
      .readdirSync(dir)
      .filter((file) => file.endsWith(".json"))
      .sort()) {
      const file = path.join(dir, name);
      let answer: Answer;
      try {
        const request = JSON.parse(fs.readFileSync(file, "utf8")) as ServerRequest;
        fs.rmSync(file, { force: true });
        answer = { ok: true, message: await handle(request) };
      } catch (error) {
        answer = { ok: false, message: error instanceof Error ? error.message : String(error) };
      }
      const answerFile = file.replace(/\.json$/, ".answer");
      fs.writeFileSync(`${answerFile}.partial`, JSON.stringify(answer));
      fs.renameSync(`${answerFile}.partial`, answerFile);
    }
  };
  const listener = () => {
    running = running.then(work, work);
  };
  process.on("SIGUSR2", listener);
  return () => process.off("SIGUSR2", listener);
}
