/**
 * What no real workspace can hold: a record dated after today, or one that comes before what
 * caused it (clicks before the link existed, coverage before the gift was sent). The demo is
 * what customers judge the product by, so a test fails when the demo holds any of these.
 */
import { db } from "../app/utils/db.server";

interface ImpossibleFact {
  rule: string;
  count: number;
}

/** Each rule counts the rows that break it, in SQL; `today` is the workspace's day (YYYY-MM-DD). */
export async function impossibleDemoFacts(today: string): Promise<ImpossibleFact[]> {
  const day = new Date(`${today}T00:00:00Z`);
  const endOfToday = new Date(day.getTime() + 86_400_000);
  const rules: [string, Promise<[{ count: bigint }]>][] = [
    ["coverage published after today", db().$queryRaw`SELECT count(*) FROM "CoverageItem" WHERE "publishedOn" > ${day}`],
    [
      "gift sent or delivered after today",
      db().$queryRaw`SELECT count(*) FROM "Gift" WHERE "shippedOn" > ${day} OR "deliveredOn" > ${day}`,
    ],
    ["placement agreed after today", db().$queryRaw`SELECT count(*) FROM "Placement" WHERE "agreedOn" > ${day}`],
    ["payment after today", db().$queryRaw`SELECT count(*) FROM "Payment" WHERE "paidOn" > ${day}`],
    ["partner added after today", db().$queryRaw`SELECT count(*) FROM "Partner" WHERE "createdAt" >= ${endOfToday}`],
    ["outreach after today", db().$queryRaw`SELECT count(*) FROM "Interaction" WHERE "occurredAt" >= ${endOfToday}`],
    ["clicks after today", db().$queryRaw`SELECT count(*) FROM "LinkClickDay" WHERE "day" > ${day}`],
    ["order after today", db().$queryRaw`SELECT count(*) FROM "ShopOrder" WHERE "orderedAt" >= ${endOfToday}`],
    ["metrics measured after today", db().$queryRaw`SELECT count(*) FROM "CoverageMetrics" WHERE "measuredOn" > ${day}`],
    ["audience measured after today", db().$queryRaw`SELECT count(*) FROM "ChannelMeasurement" WHERE "measuredOn" > ${day}`],
    [
      "clicks before the link was created",
      db().$queryRaw`SELECT count(*) FROM "LinkClickDay" d JOIN "TrackedLink" l ON l."id" = d."linkId" WHERE d."day" < l."createdAt"::date`,
    ],
    [
      "order attributed to a link before it was created",
      db()
        .$queryRaw`SELECT count(*) FROM "ShopOrder" o JOIN "TrackedLink" l ON l."code" = o."attributedTo" WHERE o."attributedBy" = 'link' AND o."orderedAt" < l."createdAt"`,
    ],
    [
      "order attributed to a promo code before it was given",
      db()
        .$queryRaw`SELECT count(*) FROM "ShopOrder" o JOIN "PromoCode" c ON c."code" = o."attributedTo" AND c."partnerId" = o."partnerId" WHERE o."attributedBy" = 'code' AND o."orderedAt" < c."createdAt"`,
    ],
    [
      "coverage of a gift before it was sent",
      db()
        .$queryRaw`SELECT count(*) FROM "CoverageGift" cg JOIN "CoverageItem" c ON c."id" = cg."coverageItemId" JOIN "Gift" g ON g."id" = cg."giftId" WHERE c."publishedOn" < g."shippedOn"`,
    ],
    [
      "coverage of a placement before it was agreed",
      db()
        .$queryRaw`SELECT count(*) FROM "CoveragePlacement" cp JOIN "CoverageItem" c ON c."id" = cp."coverageItemId" JOIN "Placement" p ON p."id" = cp."placementId" WHERE c."publishedOn" < p."agreedOn"`,
    ],
    [
      "payment before the placement was agreed",
      db().$queryRaw`SELECT count(*) FROM "Payment" pay JOIN "Placement" p ON p."id" = pay."placementId" WHERE pay."paidOn" < p."agreedOn"`,
    ],
    ["gift delivered before it was sent", db().$queryRaw`SELECT count(*) FROM "Gift" WHERE "deliveredOn" < "shippedOn"`],
    [
      "metrics measured before the post was published",
      db()
        .$queryRaw`SELECT count(*) FROM "CoverageMetrics" m JOIN "CoverageItem" c ON c."id" = m."coverageItemId" WHERE m."measuredOn" < c."publishedOn"`,
    ],
  ];
  const counts = await Promise.all(rules.map(([, query]) => query));
  return rules.map(([rule], i) => ({ rule, count: Number(counts[i][0].count) })).filter((fact) => fact.count > 0);
}
