/** The demo is what a customer judges the product by: nothing in it may be impossible. */
import { describe, expect, it } from "vitest";
import { loadDemoWorkspace } from "../../prisma/demo-workspace";
import { impossibleDemoFacts } from "../../prisma/demo-plausibility";
import { db } from "~/utils/db.server";
import { isoDay, todayUtc } from "~/shared/days";

describe("the demo workspace", () => {
  it("holds nothing after today and nothing before its cause", async () => {
    await loadDemoWorkspace();
    expect(await impossibleDemoFacts(isoDay(todayUtc()))).toEqual([]);
  }, 120_000);

  it("is caught when it does: a post published tomorrow, clicks before the link existed", async () => {
    const tomorrow = new Date(todayUtc().getTime() + 86_400_000);
    const item = await db().coverageItem.findFirstOrThrow({ select: { id: true, publishedOn: true } });
    const link = await db().trackedLink.findFirstOrThrow({ select: { id: true, createdAt: true } });
    await db().coverageItem.update({ where: { id: item.id }, data: { publishedOn: tomorrow } });
    await db().trackedLink.update({ where: { id: link.id }, data: { createdAt: new Date() } });
    const facts = await impossibleDemoFacts(isoDay(todayUtc()));
    expect(facts.map((fact) => fact.rule)).toEqual(
      expect.arrayContaining(["coverage published after today", "clicks before the link was created"]),
    );
    await db().coverageItem.update({ where: { id: item.id }, data: { publishedOn: item.publishedOn } });
    await db().trackedLink.update({ where: { id: link.id }, data: { createdAt: link.createdAt } });
  });
});
