import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/shared/csv";
import { committedMinor, csvMoney } from "~/shared/money";
import { parseSpendQuery } from "~/features/spend";
import { getSettings, requirePermission } from "~/features/accounts/index.server";
import { spendReport } from "~/features/spend/index.server";
import { badRequest } from "~/utils/http.server";

const spendCsvColumns = [
  "group",
  "group_name",
  "currency",
  "gifts",
  "placements",
  "cost",
  "paid",
  "gift_count",
  "placement_count",
  "payment_count",
  "partners",
  "unconverted",
];

/** One spend view as CSV: every group, amounts in the reporting currency; rows with no rate are counted in `unconverted`. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "reports:read");
  const parsed = parseSpendQuery(new URL(request.url).searchParams, new Date().toISOString().slice(0, 10));
  if (parsed.problems.length) badRequest(parsed.problems[0].message);
  const { query } = parsed;
  const settings = await getSettings();
  const report = await spendReport({
    filter: query,
    grouping: query.view,
    currency: settings.reportingCurrency,
    basis: settings.giftValuationBasis,
    page: null,
  });
  const money = (minor: number) => csvMoney(minor, report.currency);
  const rows = report.groups.map((g) => [
    g.key,
    g.label,
    report.currency,
    money(g.giftsMinor),
    money(g.placementsMinor),
    money(committedMinor(g)),
    money(g.paidMinor),
    g.giftCount,
    g.placementCount,
    g.paymentCount,
    g.partners,
    g.unconverted,
  ]);
  const t = report.total;
  rows.push([
    "total",
    null,
    report.currency,
    money(t.giftsMinor),
    money(t.placementsMinor),
    money(committedMinor(t)),
    money(t.paidMinor),
    t.giftCount,
    t.placementCount,
    t.paymentCount,
    t.partners,
    t.unconverted,
  ]);
  return new Response("\uFEFF" + toCsv(spendCsvColumns, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="spend-by-${query.view}-${query.from ?? "start"}-${query.to ?? "today"}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
