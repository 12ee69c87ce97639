/**
 * Spec v2 on the CRM's records: the full v2 input of a coverage item (its text and fields, the
 * relationship from its records, its language, the workspace's brand as advertiser), and what a
 * re-check of the current checks under v2 would change, counted before anything is saved.
 */
import { checkJurisdictionV2, reasonCodesV2, type DisclosureInputV2, type ReasonCodeV2, type VerdictV2 } from "./disclosure/check-v2";
import { defaultRuleSetsV2, type RuleSetV2 } from "./disclosure/rules-v2";
import { advertiserFor, postLanguageFor } from "./disclosure/v2-input";
import { relationshipsFor } from "./relationship.server";
import { getSettings } from "~/features/accounts/index.server";
import type { DisclosureJurisdiction, DisclosurePlatform } from "~/shared/disclosure-terms";
import { db, type DbClient } from "~/utils/db.server";

/** The v2 input of each item, from its own records; one query per kind of record, whatever the count. */
export async function disclosureInputsV2(client: DbClient, coverageItemIds: readonly string[]): Promise<Map<string, DisclosureInputV2>> {
  if (!coverageItemIds.length) return new Map();
  const [items, relationships, settings] = await Promise.all([
    client.coverageItem.findMany({
      where: { id: { in: [...coverageItemIds] } },
      select: {
        id: true,
        platform: true,
        text: true,
        title: true,
        platformLabel: true,
        imagesRetouched: true,
        imagesVirtual: true,
        partner: { select: { language: true, country: true } },
      },
    }),
    relationshipsFor(client, coverageItemIds),
    getSettings(client),
  ]);
  const advertiser = advertiserFor(settings.brandName);
  return new Map(
    items.map((item) => [
      item.id,
      {
        platform: item.platform as DisclosurePlatform,
        text: item.text,
        title: item.title,
        relationship: relationships.get(item.id) ?? {},
        language: postLanguageFor({ partner: item.partner.language, country: item.partner.country }),
        advertiser,
        platformLabel: item.platformLabel,
        imagesRetouched: item.imagesRetouched,
        imagesVirtual: item.imagesVirtual,
      },
    ]),
  );
}

export interface V2Preview {
  checked: number;
  changed: number;
  /** Verdict changes, "insufficient→compliant" and so on, with how many. */
  transitions: { from: string; to: VerdictV2; count: number }[];
  /** Among the changed verdicts, how many give each v2 reason (a verdict can give several). */
  byReason: { reason: ReasonCodeV2; count: number }[];
}

const BATCH = 500;

/** What re-checking every current check under v2 would change. Reads only; writes nothing. */
export async function previewV2Recheck(
  ruleSets: Record<DisclosureJurisdiction, RuleSetV2> = defaultRuleSetsV2,
  progress: (done: number, total: number) => Promise<void> = async () => {},
  client: DbClient = db(),
): Promise<V2Preview> {
  const total = await client.disclosureCheck.count({ where: { current: true } });
  const transitions = new Map<string, number>();
  const reasons = new Map<ReasonCodeV2, number>();
  let checked = 0;
  let changed = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await client.disclosureCheck.findMany({
      where: { current: true, ...(after ? { id: { gt: after } } : {}) },
      orderBy: { id: "asc" },
      take: BATCH,
      select: { id: true, coverageItemId: true, jurisdiction: true, verdict: true },
    });
    if (!rows.length) break;
    after = rows[rows.length - 1].id;
    const inputs = await disclosureInputsV2(client, [...new Set(rows.map((row) => row.coverageItemId))]);
    for (const row of rows) {
      const input = inputs.get(row.coverageItemId);
      const ruleSet = ruleSets[row.jurisdiction as DisclosureJurisdiction];
      if (!input || !ruleSet) continue;
      checked++;
      const result = checkJurisdictionV2(input, ruleSet);
      if (result.verdict === row.verdict) continue;
      changed++;
      const key = `${row.verdict}→${result.verdict}`;
      transitions.set(key, (transitions.get(key) ?? 0) + 1);
      for (const reason of result.reasons) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    await progress(checked, total);
  }
  return {
    checked,
    changed,
    transitions: [...transitions]
      .map(([key, count]) => {
        const [from, to] = key.split("→");
        return { from, to: to as VerdictV2, count };
      })
      .sort((a, b) => b.count - a.count || `${a.from}${a.to}`.localeCompare(`${b.from}${b.to}`)),
    byReason: reasonCodesV2.filter((reason) => reasons.has(reason)).map((reason) => ({ reason, count: reasons.get(reason) ?? 0 })),
  };
}
