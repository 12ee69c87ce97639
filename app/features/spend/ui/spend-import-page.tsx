import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportErrors, ImportFileForm } from "~/components/import-file";
import { PageHeader } from "~/components/page";

interface SpendImportData {
  error: string | null;
  csv: string | null;
  preview: {
    rowCount: number;
    created: number;
    unchanged: number;
    rejected: number;
    errors: { line: number; column: string | null; messageKey: string; value?: string }[];
  } | null;
}

export function SpendImportPage({ kind, columns }: { kind: "gifts" | "placements" | "coverage"; columns: readonly string[] }) {
  const { t } = useTranslation();
  const data = useActionData<SpendImportData>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const preview = data?.preview;
  return (
    <>
      <PageHeader title={t(`import.${kind}Title`)}>
        <Link to={`/${kind}`} className="button button-quiet">
          {t("common.cancel")}
        </Link>
      </PageHeader>
      <section className="card">
        <p>{t(`import.${kind}Intro`)}</p>
        <p className="hint">
          {t("import.columns")}: <code>{columns.join(", ")}</code>
        </p>
        <ImportFileForm error={data?.error ?? null} busy={busy} />
      </section>
      {preview ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("import.preview")}</h2>
          <p role="status">
            {t("import.spendSummary", {
              rows: String(preview.rowCount),
              created: String(preview.created),
              unchanged: String(preview.unchanged),
              rejected: String(preview.rejected),
            })}
          </p>
          <ImportErrors errors={preview.errors} />
          {preview.created > 0 ? (
            <Form method="post">
              <input type="hidden" name="csv" value={data?.csv ?? ""} />
              <button type="submit" className="button" disabled={busy}>
                {t("import.spendConfirm", { count: preview.created, formatted: String(preview.created) })}
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
