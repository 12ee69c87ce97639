/** Forms that cannot duplicate, and list filters that answer bad input on the form. */
import { beforeAll, describe, expect, it } from "vitest";
import * as partnerNewRoute from "~/routes/partners.new";
import * as partnersRoute from "~/routes/partners._index";
import * as partnersExportRoute from "~/routes/partners.export";
import * as placementRoute from "~/routes/placements.$placementId";
import * as preferencesRoute from "~/routes/preferences.table";
import * as rankingRoute from "~/routes/reports.cost-benefit";
import * as spendRoute from "~/routes/spend._index";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, getRequest, responseOf } from "../setup/fixtures";

let manager: string;
let marketing: string;

function post(path: string, fields: [string, string][], cookie: string) {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookie },
    body: new URLSearchParams(fields).toString(),
  });
}

beforeAll(async () => {
  manager = await cookieFor((await createTestUser("manager")).id);
  marketing = await cookieFor((await createTestUser("marketing")).id);
});

describe("a create form sent twice with the same key", () => {
  it("writes once; the replay is sent where the first one led", async () => {
    const name = `Idempotent ${Date.now()}`;
    const fields: [string, string][] = [
      ["name", name],
      ["kind", "blogger"],
      ["stage", "prospect"],
      ["idempotencyKey", "k-0123456789abcdef-1"],
    ];
    const create = () => responseOf(() => partnerNewRoute.action(args(post("/partners/new", fields, manager))));
    const [first, second] = await Promise.all([create(), create()]);
    const third = await create();
    expect([first.status, second.status, third.status].filter((status) => status === 302).length).toBeGreaterThanOrEqual(2);
    expect(await db().partner.count({ where: { name } })).toBe(1);
    const created = await db().partner.findFirstOrThrow({ where: { name } });
    expect(third.headers.get("Location")).toBe(`/partners/${created.id}`);
    expect(await db().auditEvent.count({ where: { entityType: "Partner", entityId: created.id, action: "partner.create" } })).toBe(1);
  });

  it("lets the same key be sent again after bad input", async () => {
    const key = "k-0123456789abcdef-2";
    const name = `Corrected ${Date.now()}`;
    const bad = await responseOf(() =>
      partnerNewRoute.action(
        args(
          post(
            "/partners/new",
            [
              ["name", ""],
              ["kind", "blogger"],
              ["stage", "prospect"],
              ["idempotencyKey", key],
            ],
            manager,
          ),
        ),
      ),
    );
    expect(bad.status).toBe(400);
    const good = await responseOf(() =>
      partnerNewRoute.action(
        args(
          post(
            "/partners/new",
            [
              ["name", name],
              ["kind", "blogger"],
              ["stage", "prospect"],
              ["idempotencyKey", key],
            ],
            manager,
          ),
        ),
      ),
    );
    expect(good.status).toBe(302);
    expect(await db().partner.count({ where: { name } })).toBe(1);
  });
});

describe("a payment that looks like one already recorded", () => {
  it("asks before recording the same invoice twice, or the same amount and day again", async () => {
    const partner = await db().partner.create({ data: { name: "Invoice Partner", kind: "blogger" } });
    const placement = await db().placement.create({
      data: {
        partnerId: partner.id,
        title: "Post",
        feeMinor: 300000,
        currency: "EUR",
        agreedOn: new Date("2026-04-01T00:00:00Z"),
        status: "contracted",
      },
    });
    const pay = (fields: Record<string, string>) =>
      responseOf(() =>
        placementRoute.action(
          args(post(`/placements/${placement.id}`, Object.entries({ intent: "payment", formId: "payment", ...fields }), marketing), {
            placementId: placement.id,
          }),
        ),
      );
    expect((await pay({ amount: "500", paidOn: "2026-04-10", invoiceRef: "FAC-1" })).status).toBe(302);

    const sameInvoice = await pay({ amount: "700", paidOn: "2026-04-20", invoiceRef: " fac-1 " });
    expect(sameInvoice.status).toBe(409);
    expect(await sameInvoice.json()).toMatchObject({ formId: "payment", duplicate: "sameInvoice" });
    const sameDay = await pay({ amount: "500", paidOn: "2026-04-10" });
    expect(sameDay.status).toBe(409);
    expect(await sameDay.json()).toMatchObject({ duplicate: "sameAmountSameDay" });
    expect(await db().payment.count({ where: { placementId: placement.id } })).toBe(1);

    expect((await pay({ amount: "500", paidOn: "2026-04-10", duplicateConfirmed: "on" })).status).toBe(302);
    expect((await pay({ amount: "800", paidOn: "2026-05-10", invoiceRef: "FAC-2" })).status).toBe(302);
    expect(await db().payment.count({ where: { placementId: placement.id } })).toBe(3);
  });
});

describe("list filters the page cannot use", () => {
  it("answer 400 on the page, with the list shown without them", async () => {
    await db().partner.create({ data: { name: "Filter Partner", kind: "blogger", country: "FR" } });
    const list = await responseOf(() =>
      partnersRoute.loader(args(getRequest("/partners?country=France&stage=active", { cookie: manager }))),
    );
    expect(list.status).toBe(400);
    const body = await list.json();
    expect(body.problems).toEqual([{ field: "country", message: "errors.countryCodes" }]);
    expect(body.query).toMatchObject({ country: [], stage: ["active"] });

    const past = await responseOf(() => partnersRoute.loader(args(getRequest("/partners?page=999", { cookie: manager }))));
    expect(past.status).toBe(400);
    const pastBody = await past.json();
    expect(pastBody.problems[0]).toMatchObject({ field: "page", message: "errors.pageOutOfRange" });
    expect(pastBody.rows.length).toBeGreaterThan(0);

    expect(
      (await responseOf(() => partnersExportRoute.loader(args(getRequest("/partners/export?stage=bogus", { cookie: manager }))))).status,
    ).toBe(400);
    expect(
      (
        await responseOf(() =>
          rankingRoute.loader(args(getRequest("/reports/cost-benefit?period=custom&from=2026-05-01&to=2026-04-01", { cookie: marketing }))),
        )
      ).status,
    ).toBe(400);
    expect(
      (await responseOf(() => spendRoute.loader(args(getRequest("/spend?from=2026-05-01&to=2026-04-01", { cookie: marketing }))))).status,
    ).toBe(400);
  });

  it("a partner without channels has an unknown audience, not 0", async () => {
    const created = await responseOf(() =>
      partnerNewRoute.action(
        args(
          post(
            "/partners/new",
            [
              ["name", `No Channel ${Date.now()}`],
              ["kind", "journalist"],
              ["stage", "prospect"],
            ],
            manager,
          ),
        ),
      ),
    );
    const id = created.headers.get("Location")!.split("/").at(-1)!;
    expect((await db().partner.findUniqueOrThrow({ where: { id } })).totalFollowers).toBeNull();
  });
});

describe("list display settings", () => {
  it("are kept per user: columns and density come back on the next visit", async () => {
    const save = (fields: [string, string][], cookie = manager) =>
      responseOf(() => preferencesRoute.action(args(post("/preferences/table", fields, cookie))));
    const saved = await save([
      ["table", "partners"],
      ["columns", "stage"],
      ["columns", "followers"],
      ["density", "compact"],
      ["redirectTo", "/partners?q=x"],
    ]);
    expect(saved.status).toBe(302);
    expect(saved.headers.get("Location")).toBe("/partners?q=x");
    const list = await (await responseOf(() => partnersRoute.loader(args(getRequest("/partners", { cookie: manager }))))).json();
    expect(list.density).toBe("compact");
    expect(list.query.cols).toEqual(["stage", "followers"]);
    // A link that names its columns wins over the saved ones.
    const linked = await (
      await responseOf(() => partnersRoute.loader(args(getRequest("/partners?cols=email", { cookie: manager }))))
    ).json();
    expect(linked.query.cols).toEqual(["email"]);
    // Another user still sees the defaults.
    const other = await (await responseOf(() => partnersRoute.loader(args(getRequest("/partners", { cookie: marketing }))))).json();
    expect([other.density, other.query.cols]).toEqual(["comfortable", []]);
    expect(
      (
        await save([
          ["table", "partners"],
          ["columns", "password"],
          ["density", "compact"],
        ])
      ).status,
    ).toBe(400);
    expect(
      (
        await save([
          ["table", "nope"],
          ["density", "compact"],
        ])
      ).status,
    ).toBe(400);
    expect(await db().auditEvent.count({ where: { action: "user.tablePreference" } })).toBe(1);
  });
});
