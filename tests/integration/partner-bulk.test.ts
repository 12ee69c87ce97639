import { beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "~/routes/partners._index";
import * as newRoute from "~/routes/partners.new";
import { db } from "~/utils/db.server";
import { args, cookieFor, createTestUser, formRequest, getRequest, responseOf } from "../setup/fixtures";

let cookie: string;
let viewer: { id: string; cookie: string };
let ownerId: string;
let ids: string[];

const base = {
  kind: "blogger",
  stage: "prospect",
  email: "",
  website: "",
  country: "",
  language: "",
  ownerId: "",
  tags: "",
  notes: "",
  riskNotes: "",
};

beforeAll(async () => {
  const manager = await createTestUser("manager");
  ownerId = manager.id;
  cookie = await cookieFor(manager.id);
  const v = await createTestUser("viewer");
  viewer = { id: v.id, cookie: await cookieFor(v.id) };
  ids = [];
  for (const name of ["Bulk A", "Bulk B", "Bulk C"]) {
    const response = await responseOf(() =>
      newRoute.action(args(formRequest("/partners/new", { ...base, name, tags: "start" }, { cookie }))),
    );
    ids.push(response.headers.get("Location")!.split("/").pop()!);
  }
});

function bulk(fields: Record<string, string>, selected: string[], as = cookie) {
  const body = new URLSearchParams({ intent: "bulk", ...fields });
  for (const id of selected) body.append("ids", id);
  return responseOf(() =>
    listRoute.action(
      args(
        new Request("http://localhost/partners?q=bulk", {
          method: "POST",
          body,
          headers: { Cookie: as, "Content-Type": "application/x-www-form-urlencoded" },
        }),
      ),
    ),
  );
}

describe("bulk actions", () => {
  it("changes the stage, adds a tag and assigns an owner for the selected partners only", async () => {
    expect((await bulk({ operation: "stage", stage: "contacted" }, ids.slice(0, 2))).status).toBe(302);
    expect((await bulk({ operation: "tag", tag: "Spring" }, ids)).status).toBe(302);
    expect((await bulk({ operation: "owner", ownerId }, [ids[2]])).status).toBe(302);
    const partners = await db().partner.findMany({ where: { id: { in: ids } }, orderBy: { name: "asc" } });
    expect(partners.map((p) => [p.stage, p.tags, p.ownerId])).toEqual([
      ["contacted", ["start", "spring"], null],
      ["contacted", ["start", "spring"], null],
      ["prospect", ["start", "spring"], ownerId],
    ]);
    expect(await db().auditEvent.count({ where: { action: "partner.bulkUpdate", entityId: { in: ids } } })).toBe(6);
    // Tags are searchable right away.
    const found = await (await responseOf(() => listRoute.loader(args(getRequest("/partners?q=spring", { cookie }))))).json();
    expect(found.total).toBe(3);
  });

  it("rejects an empty selection, a bad value, and a viewer", async () => {
    expect((await bulk({ operation: "stage", stage: "contacted" }, [])).status).toBe(400);
    expect((await bulk({ operation: "stage", stage: "famous" }, ids)).status).toBe(400);
    expect((await bulk({ operation: "owner", ownerId: "ghost" }, ids)).status).toBe(422);
    expect((await bulk({ operation: "stage", stage: "paused" }, ids, viewer.cookie)).status).toBe(403);
    expect(await db().partner.count({ where: { id: { in: ids }, stage: "paused" } })).toBe(0);
  });
});

describe("saved views", () => {
  it("saves, lists and deletes a user's own views", async () => {
    const save = (name: string, query: string, as = cookie) =>
      responseOf(() => listRoute.action(args(formRequest("/partners", { intent: "saveView", name, query }, { cookie: as }))));
    expect((await save("Active in France", "?stage=active&country=FR&page=3")).status).toBe(302);
    expect((await save("Viewer's own", "?tag=food", viewer.cookie)).status).toBe(302);
    expect((await save("", "?x=1")).status).toBe(400);
    const page = await (await responseOf(() => listRoute.loader(args(getRequest("/partners", { cookie }))))).json();
    expect(page.views.map((v: { name: string; query: string }) => [v.name, v.query])).toEqual([
      ["Active in France", "country=FR&stage=active"],
    ]);
    const viewerView = await db().savedView.findFirstOrThrow({ where: { userId: viewer.id } });
    // Not someone else's view.
    expect(
      (
        await responseOf(() =>
          listRoute.action(args(formRequest("/partners", { intent: "deleteView", viewId: viewerView.id }, { cookie }))),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await responseOf(() =>
          listRoute.action(args(formRequest("/partners", { intent: "deleteView", viewId: page.views[0].id }, { cookie }))),
        )
      ).status,
    ).toBe(302);
    expect(await db().savedView.count({ where: { userId: ownerId } })).toBe(0);
  });
});
