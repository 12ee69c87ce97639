import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportErrors, ImportFileForm } from "~/components/import-file";
import { PageHeader } from "~/components/page";
import { parseCsv } from "~/shared/csv";
import { partnerCsvColumns, planPartnerImport } from "~/features/partners";
import { applyPartnerImport, ATOMIC_IMPORT_LIMIT, previewPartnerImport, startPartnerImportJob } from "~/features/partners/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { ConfirmImportSchema, isUpload, readCsvUpload } from "~/utils/upload.server";
import { redirectWithToast } from "~/utils/session.server";
import { useCount } from "~/components/use-count";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "partners:write");
  return json({});
}

/**
 * Two steps, no state kept between them: the upload returns a preview together with the file's
 * text, and confirming sends that text back to be planned again and applied in one transaction.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "partners:write");
  if (isUpload(request)) {
    const text = await readCsvUpload(request);
    if (typeof text !== "string") return json({ error: text.error, preview: null, csv: null }, { status: text.status });
    const preview = await previewPartnerImport(planPartnerImport(parseCsv(text)));
    return json({
      error: null,
      csv: text,
      preview: {
        summary: preview.summary,
        rowCount: preview.rowCount,
        errors: preview.errors.slice(0, 500),
        duplicates: preview.partners
          .filter((p) => p.outcome === "duplicate")
          .slice(0, 200)
          .map((p) => ({ lines: p.planned.lines, name: p.planned.partner.name, existing: p.existing! })),
      },
    });
  }
  const confirmed = ConfirmImportSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!confirmed.success) return json({ error: "import.missingFile", preview: null, csv: null }, { status: 400 });
  const plan = planPartnerImport(parseCsv(confirmed.data.csv));
  // Past the size one transaction takes, the import runs as a job with its progress page.
  if (plan.partners.length > ATOMIC_IMPORT_LIMIT)
    return redirect(`/jobs/${(await startPartnerImportJob(user.id, confirmed.data.csv, plan.partners.length)).id}`);
  const result = await applyPartnerImport(user.id, plan);
  return redirectWithToast("/partners", {
    kind: "success",
    message: "import.done",
    values: { new: result.summary.new, updated: result.summary.updated },
  });
}

export default function ImportPartners() {
  const { t } = useTranslation();
  const count = useCount();
  const data = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const preview = data?.preview;
  const toImport = preview ? preview.summary.new + preview.summary.updated : 0;
  return (
    <>
      <PageHeader title={t("import.title")}>
        <Link to="/partners" className="button button-quiet">
          {t("common.cancel")}
        </Link>
      </PageHeader>
      <section className="card">
        <p>{t("import.intro")}</p>
        <p className="hint">
          {t("import.columns")}: <code>{partnerCsvColumns.join(", ")}</code>
        </p>
        <ImportFileForm error={data?.error ?? null} busy={busy} />
      </section>
      {preview ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("import.preview")}</h2>
          <p role="status">
            {t("import.summary", {
              rows: count("rows", preview.rowCount),
              new: count("new", preview.summary.new),
              updated: count("updated", preview.summary.updated),
              unchanged: count("unchanged", preview.summary.unchanged),
              duplicate: count("duplicates", preview.summary.duplicate),
              rejected: count("rejected", preview.summary.rejected),
            })}
          </p>
          <ImportErrors errors={preview.errors} />
          {preview.duplicates.length ? (
            <>
              <h3>{t("import.duplicatesTitle")}</h3>
              <ul className="plain-list">
                {preview.duplicates.map((duplicate) => (
                  <li key={duplicate.lines.join("-")}>
                    <span>
                      {t("import.line")} {duplicate.lines.join(", ")}: {duplicate.name} —{" "}
                      {t("import.looksLike", { name: duplicate.existing.name })}{" "}
                      <Link to={`/partners/${duplicate.existing.id}`}>{duplicate.existing.name}</Link>
                    </span>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {toImport > 0 ? (
            <Form method="post">
              <input type="hidden" name="csv" value={data?.csv ?? ""} />
              <button type="submit" className="button" disabled={busy}>
                {t("import.confirm", { count: toImport, formatted: String(toImport) })}
              </button>
            </Form>
          ) : (
            <p>{t("import.nothingToImport")}</p>
          )}
        </section>
      ) : null}
    </>
  );
}
