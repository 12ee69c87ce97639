import type { LoaderFunctionArgs } from "@remix-run/node";
import { csvLine } from "~/shared/csv";
import { partnerCsvColumns, PartnerListQuerySchema, searchParamsObject } from "~/features/partners";
import { exportPartnerRows } from "~/features/partners/index.server";
import { parseListQuery } from "~/shared/rules";
import { requirePermission } from "~/features/accounts/index.server";
import { badRequest } from "~/utils/http.server";

/** The filtered partner list as CSV, in the import's columns. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "partners:read");
  const { query, problems } = parseListQuery(PartnerListQuerySchema, searchParamsObject(new URL(request.url).searchParams));
  // An export must be exactly what was asked for: a filter that cannot be used is an error, not dropped.
  if (problems.length) badRequest(problems[0].message);
  const partners = exportPartnerRows(query);
  const encoder = new TextEncoder();
  // Streamed a batch at a time: memory stays flat and other requests get the database in between.
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode("\uFEFF" + csvLine([...partnerCsvColumns])));
    },
    async pull(controller) {
      let lines = "";
      for (let count = 0; count < 200; count++) {
        const next = await partners.next();
        if (next.done) {
          if (lines) controller.enqueue(encoder.encode(lines));
          return controller.close();
        }
        lines += partnerCsvLines(next.value);
      }
      controller.enqueue(encoder.encode(lines));
    },
    async cancel() {
      await partners.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="partners-${date}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

type ExportedPartner = Awaited<ReturnType<ReturnType<typeof exportPartnerRows>["next"]>>["value"] & object;

/** A partner's rows in the import's columns: one per channel, or one without a channel. */
function partnerCsvLines(partner: ExportedPartner): string {
  const base = [
    partner.externalId,
    partner.name,
    partner.kind,
    partner.email,
    partner.website,
    partner.country,
    partner.language,
    partner.stage,
    partner.owner?.email ?? null,
    partner.tags.join(", "),
    partner.notes,
    partner.lawfulBasis,
    partner.dataSource,
  ];
  if (partner.channels.length === 0) return csvLine([...base, null, null, null, null, null, null]);
  return partner.channels
    .map((c) =>
      csvLine([
        ...base,
        c.platform,
        c.handle,
        c.url,
        c.followers,
        c.engagementRate,
        c.measuredOn ? c.measuredOn.toISOString().slice(0, 10) : null,
      ]),
    )
    .join("");
}
