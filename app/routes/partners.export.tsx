import type { LoaderFunctionArgs } from "@remix-run/node";
import { toCsv } from "~/domain/csv";
import { partnerCsvColumns } from "~/domain/partner-import";
import { PartnerListQuerySchema } from "~/domain/partner-list";
import { searchParamsObject } from "~/domain/partner-list-terms";
import { exportPartnerRows } from "~/models/partner.server";
import { parseListQuery } from "~/domain/rules";
import { requirePermission } from "~/utils/auth.server";
import { badRequest } from "~/utils/http.server";

/** The filtered partner list as CSV, in the import's columns. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "partners:read");
  const { query, problems } = parseListQuery(PartnerListQuerySchema, searchParamsObject(new URL(request.url).searchParams));
  // An export must be exactly what was asked for: a filter that cannot be used is an error, not dropped.
  if (problems.length) badRequest(problems[0].message);
  const rows: (string | number | null)[][] = [];
  for await (const partner of exportPartnerRows(query)) {
    const base = [partner.externalId, partner.name, partner.kind, partner.email, partner.website, partner.country, partner.language, partner.stage, partner.owner?.email ?? null, partner.tags.join(", "), partner.notes, partner.lawfulBasis, partner.dataSource];
    if (partner.channels.length === 0) rows.push([...base, null, null, null, null, null, null]);
    for (const c of partner.channels) {
      rows.push([...base, c.platform, c.handle, c.url, c.followers, c.engagementRate, c.measuredOn ? c.measuredOn.toISOString().slice(0, 10) : null]);
    }
  }
  const date = new Date().toISOString().slice(0, 10);
  return new Response("\uFEFF" + toCsv([...partnerCsvColumns], rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="partners-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
