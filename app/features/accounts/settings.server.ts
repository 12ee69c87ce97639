import { Prisma } from "~/generated/prisma/client";
import { isoDay, utcDay } from "~/shared/days";
import type { EmvRates } from "~/features/reports";
import { minorUnitShift, type Rate } from "~/shared/money";
import type { ExchangeRateInput, WorkspaceSettingsInput } from "~/features/spend";
import { recordAudit } from "~/utils/audit.server";
import { db, type DbClient } from "~/utils/db.server";
import { oncePerRequest } from "~/utils/request-scope.server";

export type WorkspaceSettings = Awaited<ReturnType<typeof getSettings>>;

/**
 * The single settings row (the migration creates it). Outside a transaction it is read once per
 * page request: the page's panels each ask for the currency and rates.
 */
export async function getSettings(client: DbClient = db()) {
  return client === db() ? oncePerRequest("workspaceSettings", () => readSettings(client)) : readSettings(client);
}

async function readSettings(client: DbClient) {
  return (
    (await client.workspaceSettings.findUnique({ where: { id: 1 } })) ??
    client.workspaceSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} })
  );
}

function emvRatesChanged(before: WorkspaceSettings, input: WorkspaceSettingsInput) {
  return (
    before.emvPerMilleMinor !== input.emvPerMille ||
    before.emvPerEngagementMinor !== input.emvPerEngagement ||
    before.emvPerClickMinor !== input.emvPerClick
  );
}

/** The EMV rates as the metrics module takes them. */
export function emvRates(settings: WorkspaceSettings): EmvRates {
  return {
    perMilleMinor: settings.emvPerMilleMinor,
    perEngagementMinor: settings.emvPerEngagementMinor,
    perClickMinor: settings.emvPerClickMinor,
    placeholder: settings.emvRatesSetAt === null,
  };
}

export async function updateSettings(actorId: string, input: WorkspaceSettingsInput) {
  return db().$transaction(async (tx) => {
    const before = await getSettings(tx);
    const after = await tx.workspaceSettings.update({
      where: { id: 1 },
      data: {
        reportingCurrency: input.reportingCurrency,
        giftValuationBasis: input.giftValuationBasis,
        writtenAgreementMinor: input.writtenAgreement,
        singleApprovalLimitMinor: input.singleApprovalLimit ?? null,
        defaultJurisdiction: input.defaultJurisdiction,
        emvPerMilleMinor: input.emvPerMille,
        emvPerEngagementMinor: input.emvPerEngagement,
        emvPerClickMinor: input.emvPerClick,
        prospectRetentionMonths: input.prospectRetentionMonths,
        brandName: input.brandName ?? null,
        addressRetentionDays: input.addressRetentionDays,
        purgeHourUtc: input.purgeHourUtc ?? null,
        utmSource: input.utmSource,
        utmMedium: input.utmMedium,
        utmCampaign: input.utmCampaign ?? null,
        captureKeywords: input.captureKeywords ?? [],
        feedPollMinutes: input.feedPollMinutes ?? null,
        snapshotHourUtc: input.snapshotHourUtc ?? null,
        emvRatesSetAt: emvRatesChanged(before, input) ? new Date() : before.emvRatesSetAt,
      },
    });
    // The sealed SMTP password and the log address's secret never go into the audit trail.
    const visible = ({ smtpPasswordSealed: _password, inboundSecret: _secret, ...rest }: typeof before) => rest;
    await recordAudit(tx, {
      actorId,
      action: "settings.update",
      entityType: "WorkspaceSettings",
      entityId: "1",
      before: visible(before),
      after: visible(after),
    });
    return after;
  });
}

const RATES_PAGE = 50;

export async function listRates(page: number) {
  const [rows, total] = await Promise.all([
    db().exchangeRate.findMany({
      orderBy: [{ validOn: "desc" }, { baseCurrency: "asc" }, { quoteCurrency: "asc" }],
      skip: (page - 1) * RATES_PAGE,
      take: RATES_PAGE,
    }),
    db().exchangeRate.count(),
  ]);
  return { rows: rows.map((r) => ({ ...r, rate: r.rate.toString(), validOn: isoDay(r.validOn) })), total, page, pageSize: RATES_PAGE };
}

/** Adds rates, replacing the one of the same pair and day; one audit event per rate written. */
export async function saveRates(actorId: string | null, rates: ExchangeRateInput[], client?: DbClient) {
  const write = async (tx: DbClient) => {
    for (const input of rates) {
      const validOn = utcDay(input.validOn);
      const key = { baseCurrency: input.baseCurrency, quoteCurrency: input.quoteCurrency, validOn };
      const before = await tx.exchangeRate.findUnique({ where: { baseCurrency_quoteCurrency_validOn: key } });
      const data = {
        ...key,
        rate: new Prisma.Decimal(input.rate),
        minorUnitShift: minorUnitShift(input.baseCurrency, input.quoteCurrency),
      };
      const after = before ? await tx.exchangeRate.update({ where: { id: before.id }, data }) : await tx.exchangeRate.create({ data });
      await recordAudit(tx, {
        actorId,
        action: before ? "rate.update" : "rate.create",
        entityType: "ExchangeRate",
        entityId: after.id,
        before,
        after,
      });
    }
    return rates.length;
  };
  return client ? write(client) : db().$transaction(write, { timeout: 60_000 });
}

export async function deleteRate(actorId: string, id: string) {
  return db().$transaction(async (tx) => {
    const before = await tx.exchangeRate.findUnique({ where: { id } });
    if (!before) return false;
    await tx.exchangeRate.delete({ where: { id } });
    await recordAudit(tx, { actorId, action: "rate.delete", entityType: "ExchangeRate", entityId: id, before });
    return true;
  });
}

/** Every rate into the given currency, for converting a handful of amounts in the app. */
export async function ratesInto(client: DbClient, quoteCurrency: string): Promise<Rate[]> {
  const rows = await client.exchangeRate.findMany({
    where: { quoteCurrency },
    select: { baseCurrency: true, quoteCurrency: true, rate: true, validOn: true },
  });
  return rows.map((r) => ({ ...r, rate: r.rate.toString(), validOn: isoDay(r.validOn) }));
}

/** The brand partners see in the portal. */
export async function brandName(): Promise<string | null> {
  return (await getSettings()).brandName ?? null;
}
