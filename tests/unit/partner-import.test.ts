import { describe, expect, it } from "vitest";
import { decodeCsvBytes, parseCsv, parseCsvDate, toCsv } from "~/shared/csv";
import { planPartnerImport } from "~/features/partners/partner-import";

const frenchExport = [
  "\uFEFFexternal_id;name;kind;email;stage;tags;platform;handle;followers;engagement_rate;measured_on;extra",
  "L1;Léa Martin;blogger;LEA@example.fr;active;cuisine, lyon;instagram;@lea;12 500;3,2 %;05/03/2026;ignored",
  "",
  "L1;Léa Martin;blogger;lea@example.fr;active;cuisine;blog;;18 000;;2026-03-01;",
  ';Hugo;influencer;hugo@example.fr;prospect;;youtube;@hugo;"1,250,000";1.5%;;',
].join("\r\n");

describe("reading CSV files", () => {
  it("detects the delimiter, drops the BOM, blank lines and unknown columns", () => {
    const table = parseCsv(frenchExport);
    expect(table.header.slice(0, 3)).toEqual(["external_id", "name", "kind"]);
    expect(table.rows.map((row) => row.line)).toEqual([2, 4, 5]);
    expect(table.rows[0].values.followers).toBe("12 500");
  });

  it("decodes Windows-1252 when the bytes are not UTF-8", () => {
    const latin1 = Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x4c, 0xe9, 0x61]); // "name\nLéa"
    expect(decodeCsvBytes(latin1)).toBe("name\nLéa");
    expect(decodeCsvBytes(new TextEncoder().encode("name\nLéa"))).toBe("name\nLéa");
  });

  it("keeps line breaks inside quoted fields and counts lines right", () => {
    const table = parseCsv('name,notes\n"Léa","first line\nsecond line"\nBob,x\nBad,"y"');
    expect(table.rows.map((row) => [row.line, row.values.notes])).toEqual([
      [2, "first line\nsecond line"],
      [4, "x"],
      [5, "y"],
    ]);
  });

  it("reads ISO and French dates, and refuses impossible ones", () => {
    expect(parseCsvDate("2026-03-05")).toBe("2026-03-05");
    expect(parseCsvDate("5/3/2026")).toBe("2026-03-05");
    expect(parseCsvDate("31/02/2026")).toBeNull();
    expect(parseCsvDate("03-05-2026")).toBeNull();
  });

  it("writes CSV that survives commas, quotes, line breaks and formula injection", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x,y", 'say "hi"'],
          ["=1+1", null],
          ["line\nbreak", 3],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n\'=1+1,\r\n"line\nbreak",3\r\n');
  });

  it("reads back every value it wrote, guarded ones included", () => {
    const values = [
      "=1+1",
      "+33 6 12",
      "-minus",
      "@handle",
      "\tindented",
      "'=already quoted",
      "''=twice",
      "'plain apostrophe",
      "-12.5",
      "it's fine",
    ];
    const table = parseCsv(
      toCsv(
        ["value"],
        values.map((value) => [value]),
      ),
    );
    // parseCsv trims cells, as people's files need; a tab at the start is whitespace there.
    expect(table.rows.map((row) => row.values.value)).toEqual(values.map((value) => value.trim()));
  });
});

describe("planning a partner import", () => {
  it("groups rows by partner key into one partner with several channels", () => {
    const plan = planPartnerImport(parseCsv(frenchExport));
    expect(plan.errors).toEqual([]);
    expect(plan.partners).toHaveLength(2);
    const [lea, hugo] = plan.partners;
    expect(lea).toMatchObject({
      key: "id:L1",
      lines: [2, 4],
      partner: { name: "Léa Martin", email: "lea@example.fr", stage: "active", tags: ["cuisine", "lyon"] },
    });
    expect(lea.channels).toEqual([
      { platform: "instagram", handle: "@lea", url: undefined, followers: 12500, engagementRate: 3.2, measuredOn: "2026-03-05" },
      { platform: "blog", handle: undefined, url: undefined, followers: 18000, engagementRate: undefined, measuredOn: "2026-03-01" },
    ]);
    expect(hugo).toMatchObject({ key: "email:hugo@example.fr", channels: [{ followers: 1250000, engagementRate: 1.5 }] });
  });

  it("rejects bad rows, naming the line and the column", () => {
    const plan = planPartnerImport(
      parseCsv(
        [
          "name,stage,platform,followers,engagement_rate,website,email",
          "Good,active,instagram,100,2,https://good.example,good@example.com",
          "Bad stage,famous,,,,,",
          "Bad numbers,active,myspace,-4,120,javascript:alert(1),nope",
          ",active,,,,,",
        ].join("\n"),
      ),
    );
    expect(plan.partners.map((p) => p.partner.name)).toEqual(["Good"]);
    expect(plan.errors.map((e) => [e.line, e.column, e.messageKey])).toEqual([
      [3, "stage", "import.unknownStage"],
      [4, "email", "errors.invalidEmail"],
      [4, "website", "errors.invalidUrl"],
      [4, "platform", "import.unknownPlatform"],
      [4, "followers", "errors.negative"],
      [4, "engagement_rate", "errors.percentOver100"],
      [5, "name", "errors.required"],
    ]);
  });

  it("needs a name column", () => {
    expect(planPartnerImport(parseCsv("email\na@example.com")).errors).toEqual([
      { line: 1, column: "name", messageKey: "import.missingColumn" },
    ]);
  });
});
