import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "~/shared/csv";
import * as exportRoute from "~/routes/partners.export";
import * as importRoute from "~/routes/partners.import";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";
import { finishedJob, jobIdFrom, startTestJobQueue, stopJobQueue } from "../setup/jobs";

afterAll(() => stopJobQueue());

let cookie: string;
let viewerCookie: string;
let ownerEmail: string;

beforeAll(async () => {
  await startTestJobQueue();
  const manager = await createTestUser("manager");
  ownerEmail = manager.email;
  cookie = await cookieFor(manager.id);
  viewerCookie = await cookieFor((await createTestUser("viewer")).id);
});

function upload(csv: Uint8Array | string, as = cookie) {
  const form = new FormData();
  form.set("file", new File([typeof csv === "string" ? csv : Buffer.from(csv)], "partners.csv", { type: "text/csv" }));
  return responseOf(() =>
    importRoute.action(args(new Request("http://localhost/partners/import", { method: "POST", body: form, headers: { Cookie: as } }))),
  );
}

const csv = () =>
  [
    "external_id;name;kind;email;stage;tags;platform;handle;followers;engagement_rate;measured_on;owner_email",
    `IMP-1;Léa Import;blogger;lea.import@example.fr;active;cuisine, lyon;instagram;@lea_import;12 500;3,2 %;05/03/2026;${ownerEmail}`,
    "IMP-1;Léa Import;blogger;lea.import@example.fr;active;cuisine;blog;;18 000;;2026-03-01;",
    ';Hugo Import;influencer;hugo.import@example.fr;prospect;;youtube;@hugo_import;"1,250,000";1.5%;;',
    ";Broken;influencer;;famous;;myspace;;;;;",
    "",
  ].join("\r\n");

describe("importing partners from CSV", () => {
  it("previews without writing anything", async () => {
    const before = await db().partner.count();
    const response = await upload(csv());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.preview.summary).toEqual({ new: 3, updated: 0, unchanged: 0, duplicate: 0, rejected: 1 });
    expect(body.preview.errors.map((e: { line: number; column: string }) => [e.line, e.column])).toEqual([
      [5, "stage"],
      [5, "platform"],
    ]);
    expect(await db().partner.count()).toBe(before);
  });

  it("imports the valid rows on confirmation, and a re-import changes nothing", async () => {
    const confirm = () => responseOf(() => importRoute.action(args(formRequest("/partners/import", { csv: csv() }, { cookie }))));
    expect((await confirm()).status).toBe(302);
    const lea = await db().partner.findUniqueOrThrow({
      where: { externalId: "IMP-1" },
      include: { channels: { orderBy: { platform: "asc" } }, owner: true },
    });
    expect(lea).toMatchObject({ name: "Léa Import", stage: "active", tags: ["cuisine", "lyon"], totalFollowers: 30500 });
    expect(lea.owner?.email).toBe(ownerEmail);
    expect(lea.channels.map((c) => [c.platform, c.followers, c.engagementRate])).toEqual([
      ["blog", 18000, null],
      ["instagram", 12500, 3.2],
    ]);
    const events = await db().auditEvent.count();
    const measurements = await db().channelMeasurement.count();

    const again = await upload(csv());
    expect((await again.json()).preview.summary).toEqual({ new: 0, updated: 0, unchanged: 3, duplicate: 0, rejected: 1 });
    await confirm();
    expect(await db().auditEvent.count()).toBe(events);
    expect(await db().channelMeasurement.count()).toBe(measurements);
  });

  it("updates what changed and flags duplicates of existing partners", async () => {
    const changed = [
      "external_id,name,stage,platform,handle,followers,measured_on",
      "IMP-1,Léa Import,paused,instagram,@lea_import,14000,2026-04-01",
      "NEW-9,Someone Else,prospect,instagram,@LEA_IMPORT,10,",
    ].join("\n");
    const preview = await (await upload(changed)).json();
    expect(preview.preview.summary).toMatchObject({ new: 0, updated: 1, duplicate: 1 });
    expect(preview.preview.duplicates[0].existing.name).toBe("Léa Import");
    await responseOf(() => importRoute.action(args(formRequest("/partners/import", { csv: changed }, { cookie }))));
    const lea = await db().partner.findUniqueOrThrow({
      where: { externalId: "IMP-1" },
      include: { channels: { where: { platform: "instagram" }, include: { measurements: true } } },
    });
    expect(lea.stage).toBe("paused");
    expect(lea.channels[0].followers).toBe(14000);
    expect(lea.channels[0].measurements).toHaveLength(2);
    expect(await db().partner.count({ where: { externalId: "NEW-9" } })).toBe(0);
  });

  it("reads Windows-1252 files", async () => {
    const bytes = Uint8Array.from([...Buffer.from("name,stage\n", "latin1"), ...Buffer.from("Cl\xe9mence Latin,prospect\n", "latin1")]);
    const body = await (await upload(bytes)).json();
    expect(body.preview.summary.new).toBe(1);
    expect(body.csv).toContain("Clémence Latin");
  });

  it("rejects a missing file, and refuses viewers", async () => {
    expect((await upload("")).status).toBe(400);
    expect((await upload(csv(), viewerCookie)).status).toBe(403);
  });

  it("rolls the whole import back when one write fails", async () => {
    const before = await db().partner.count();
    // A test-only unique index makes the second row's insert fail after the first succeeded.
    const failing = ["external_id,name,email", "DUP-1,First,first.dup@example.com", "DUP-2,Second,second.dup@example.com"].join("\n");
    await db().$executeRawUnsafe(`CREATE UNIQUE INDEX "test_block_second" ON "Partner" ("name") WHERE "name" = 'Second'`);
    await db().partner.create({ data: { name: "Second", kind: "other", email: "occupied@example.com" } });
    const response = await responseOf(async () => {
      try {
        return await importRoute.action(args(formRequest("/partners/import", { csv: failing }, { cookie })));
      } catch (error) {
        return new Response(String(error), { status: 500 });
      }
    });
    expect(response.status).toBe(500);
    expect(await db().partner.count({ where: { externalId: { in: ["DUP-1", "DUP-2"] } } })).toBe(0);
    expect(await db().partner.count()).toBe(before + 1);
    await db().$executeRawUnsafe(`DROP INDEX "test_block_second"`);
  });
});

describe("a large import", () => {
  it("commits in batches, so other requests get the database while it runs, and a second run finishes without doubling", async () => {
    const { applyPartnerImport, ATOMIC_IMPORT_LIMIT } = await import("~/features/partners/partner-import.server");
    const { planPartnerImport } = await import("~/features/partners/partner-import");
    const rows = ATOMIC_IMPORT_LIMIT + 600;
    const csv = [
      "external_id,name,email",
      ...Array.from({ length: rows }, (_, i) => `BULK-${i},Bulk Partner ${i},bulk.${i}@example.com`),
    ].join("\n");
    const plan = planPartnerImport(parseCsv(csv));
    const events: string[] = [];
    const progress: number[] = [];
    const importing = applyPartnerImport(null, plan, (done) => progress.push(done)).then((result) => (events.push("import done"), result));
    // A health check arriving once the import has started is answered between two batches.
    await new Promise((resolve) => setTimeout(resolve, 150));
    await db().$queryRaw`SELECT 1`;
    events.push("health check answered");
    const result = await importing;
    expect(result.summary.new).toBe(rows);
    expect(events).toEqual(["health check answered", "import done"]);
    expect(progress.at(-1)).toBe(rows);
    expect(await db().partner.count({ where: { externalId: { startsWith: "BULK-" } } })).toBe(rows);
    const again = await applyPartnerImport(null, planPartnerImport(parseCsv(csv)));
    expect(again.summary).toMatchObject({ new: 0, updated: 0, unchanged: rows });
  }, 120_000);
});

describe("exporting partners", () => {
  it("exports the filtered list in the import's columns, one row per channel", async () => {
    const response = await responseOf(() =>
      exportRoute.loader(args(getRequest("/partners/export?q=import&sort=name", { cookie: viewerCookie }))),
    );
    expect(response.headers.get("Content-Type")).toContain("text/csv");
    const table = parseCsv(await response.text());
    expect(table.header[0]).toBe("external_id");
    const lea = table.rows.filter((row) => row.values.external_id === "IMP-1");
    expect(lea.map((row) => row.values.platform).sort()).toEqual(["blog", "instagram"]);
    expect(lea.find((row) => row.values.platform === "instagram")?.values).toMatchObject({
      followers: "14000",
      stage: "paused",
      owner_email: ownerEmail,
    });
  });
});

describe("the CSV round trip", () => {
  it("imports its own export unchanged: 0 new, 0 updated, nothing written", async () => {
    // Values the CSV-injection guard must protect, and that must come back as they were.
    const tricky = [
      "external_id,name,kind,email,website,tags,notes,platform,handle,url,followers,engagement_rate,measured_on",
      'RT-1,Round Trip,influencer,rt@example.com,https://rt.example.com,"a, b","=SUM(A1)\nsecond line",instagram,@roundtrip,https://instagram.com/roundtrip,24100,2.5,2026-05-01',
      "RT-1,Round Trip,influencer,rt@example.com,https://rt.example.com,,,tiktok,@rt.tok,,900,,2026-05-02",
      "RT-2,+33 Partner,blogger,,,,-minus note,blog,,https://blog.example.com,,,",
      "RT-3,No Channel,journalist,rt3@example.com,,,,,,,,,",
    ].join("\n");
    expect((await responseOf(() => importRoute.action(args(formRequest("/partners/import", { csv: tricky }, { cookie }))))).status).toBe(
      302,
    );
    const before = {
      partners: await db().partner.findMany({
        where: { externalId: { startsWith: "RT-" } },
        orderBy: { externalId: "asc" },
        include: { channels: { orderBy: { platform: "asc" } } },
      }),
      events: await db().auditEvent.count(),
      measurements: await db().channelMeasurement.count(),
    };
    expect(before.partners.map((p) => p.totalFollowers)).toEqual([25000, null, null]);

    const exported = await (
      await responseOf(() => exportRoute.loader(args(getRequest("/partners/export?q=round%20trip", { cookie }))))
    ).text();
    const exportedAll = await (await responseOf(() => exportRoute.loader(args(getRequest("/partners/export", { cookie }))))).text();
    expect(exported).toContain("'=SUM(A1)");
    expect(exported).toContain("'@roundtrip");

    for (const file of [exported, exportedAll]) {
      const preview = await (await upload(file)).json();
      expect(preview.preview.summary).toMatchObject({ new: 0, updated: 0, duplicate: 0, rejected: 0 });
      const applied = await responseOf(() => importRoute.action(args(formRequest("/partners/import", { csv: file }, { cookie }))));
      // The whole workspace's export is past one transaction's size: it goes through the queue.
      if (applied.headers.get("Location")?.startsWith("/jobs/"))
        expect((await finishedJob(jobIdFrom(applied), 120_000)).status).toBe("succeeded");
    }
    const after = await db().partner.findMany({
      where: { externalId: { startsWith: "RT-" } },
      orderBy: { externalId: "asc" },
      include: { channels: { orderBy: { platform: "asc" } } },
    });
    expect(after).toEqual(before.partners);
    expect(after[0].notes).toBe("=SUM(A1)\nsecond line");
    expect(after[0].channels.map((c) => c.handle)).toEqual(["@roundtrip", "@rt.tok"]);
    expect(after[1].name).toBe("+33 Partner");
    expect(await db().auditEvent.count()).toBe(before.events);
    expect(await db().channelMeasurement.count()).toBe(before.measurements);
  });
});
