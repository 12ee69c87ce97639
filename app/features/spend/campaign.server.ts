import { utcDay } from "~/shared/days";
import { committedMinor, convertAmount, wouldExceedBudget, type DatedAmount } from "~/shared/money";
import { OverBudget, type CampaignInput } from "./spend";
import { RuleViolation } from "~/shared/violations";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { getSettings, ratesInto, isUniqueViolation } from "~/features/accounts/index.server";
import { spendReport } from "./spend.server";

const PAGE_SIZE = 50;

export async function listCampaigns(options: { page: number; archived: boolean }) {
  const where = { archivedAt: options.archived ? { not: null } : null };
  const [rows, total] = await Promise.all([
    db().campaign.findMany({
      where,
      orderBy: [{ startsOn: { sort: "desc", nulls: "last" } }, { name: "asc" }],
      skip: (options.page - 1) * PAGE_SIZE,
      take: PAGE_SIZE,
      select: {
        id: true,
        name: true,
        startsOn: true,
        endsOn: true,
        budgetMinor: true,
        currency: true,
        jurisdictions: true,
        archivedAt: true,
      },
    }),
    db().campaign.count({ where }),
  ]);
  return { rows, total, page: options.page, pageSize: PAGE_SIZE };
}

export function campaignChoices() {
  return db().campaign.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, endsOn: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}

export function getCampaign(id: string) {
  return db().campaign.findUnique({ where: { id }, include: { products: { select: { id: true, name: true, sku: true } } } });
}

function campaignData(input: CampaignInput) {
  return {
    name: input.name,
    brief: input.brief ?? null,
    startsOn: input.startsOn ? utcDay(input.startsOn) : null,
    endsOn: input.endsOn ? utcDay(input.endsOn) : null,
    budgetMinor: input.budget ?? null,
    currency: input.currency,
    jurisdictions: input.jurisdictions,
    keywords: input.keywords ?? [],
  };
}

export async function saveCampaign(actorId: string, id: string | null, input: CampaignInput) {
  try {
    return await db().$transaction(async (tx) => {
      const before = id ? await tx.campaign.findUnique({ where: { id }, include: { products: { select: { id: true } } } }) : null;
      if (id && !before) throw new RuleViolation("errors.notFound", 404);
      const products = await tx.product.findMany({ where: { id: { in: input.productIds } }, select: { id: true } });
      if (products.length !== new Set(input.productIds).size) throw new RuleViolation("campaigns.unknownProduct", 422, "productIds");
      const data = { ...campaignData(input), products: { set: products } };
      const after = before
        ? await tx.campaign.update({ where: { id: before.id }, data, include: { products: { select: { id: true } } } })
        : await tx.campaign.create({
            data: { ...campaignData(input), products: { connect: products } },
            include: { products: { select: { id: true } } },
          });
      await recordAudit(tx, {
        actorId,
        action: before ? "campaign.update" : "campaign.create",
        entityType: "Campaign",
        entityId: after.id,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleViolation("campaigns.nameTaken", 409, "name");
    throw error;
  }
}

export async function setCampaignArchived(actorId: string, id: string, archived: boolean) {
  return db().$transaction(async (tx) => {
    const before = await tx.campaign.findUnique({ where: { id } });
    if (!before) throw new RuleViolation("errors.notFound", 404);
    const after = await tx.campaign.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
    await recordAudit(tx, {
      actorId,
      action: archived ? "campaign.archive" : "campaign.restore",
      entityType: "Campaign",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}

/** Budget against committed (gifts + placements) and paid spend, in the campaign's currency. */
export async function campaignSpend(campaign: { id: string; currency: string }, client: DbClient = db()) {
  const settings = await getSettings(client);
  return spendReport(
    { filter: { campaignId: campaign.id }, grouping: "kind", currency: campaign.currency, basis: settings.giftValuationBasis, page: null },
    client,
  );
}

/** Committed spend per month (gifts + placements), in the campaign's own currency, for its budget burn. */
export async function campaignSpendByMonth(campaign: { id: string; currency: string }, client: DbClient = db()) {
  const settings = await getSettings(client);
  const report = await spendReport(
    { filter: { campaignId: campaign.id }, grouping: "month", currency: campaign.currency, basis: settings.giftValuationBasis, page: null },
    client,
  );
  return report.groups.filter((group) => group.key).map((group) => ({ month: group.key!, committedMinor: committedMinor(group) }));
}

/**
 * Throws OverBudget when the campaign has a budget and committed spend plus `addition` would pass
 * it (or the addition cannot be valued in the budget's currency), unless the user confirmed.
 * Returns whether the user went ahead over budget.
 */
export async function checkCampaignBudget(
  tx: DbClient,
  campaignId: string | undefined,
  addition: DatedAmount,
  confirmed: boolean,
): Promise<boolean> {
  if (!campaignId) return false;
  const campaign = await tx.campaign.findUnique({
    where: { id: campaignId },
    select: { id: true, currency: true, budgetMinor: true, archivedAt: true },
  });
  if (!campaign || campaign.archivedAt) throw new RuleViolation("campaigns.unknown", 422, "campaignId");
  if (campaign.budgetMinor === null) return false;
  const spend = await campaignSpend(campaign, tx);
  const committed = committedMinor(spend.total);
  const additionMinor = convertAmount(addition, campaign.currency, await ratesInto(tx, campaign.currency));
  if (!wouldExceedBudget(campaign.budgetMinor, committed, additionMinor)) return false;
  if (!confirmed)
    throw new OverBudget({ budgetMinor: campaign.budgetMinor, committedMinor: committed, additionMinor, currency: campaign.currency });
  return true;
}

/** Who went ahead over budget, for the campaign page. */
export async function budgetOverrides(campaignId: string) {
  const [gifts, placements] = await Promise.all([
    db().gift.findMany({
      where: { campaignId, budgetOverrideById: { not: null } },
      select: { id: true, itemName: true, createdAt: true, budgetOverrideBy: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
    db().placement.findMany({
      where: { campaignId, budgetOverrideById: { not: null } },
      select: { id: true, title: true, createdAt: true, budgetOverrideBy: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
      take: 50,
    }),
  ]);
  return [
    ...gifts.map((g) => ({ kind: "gift" as const, id: g.id, label: g.itemName, at: g.createdAt, by: g.budgetOverrideBy?.name ?? "" })),
    ...placements.map((p) => ({
      kind: "placement" as const,
      id: p.id,
      label: p.title,
      at: p.createdAt,
      by: p.budgetOverrideBy?.name ?? "",
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());
}
