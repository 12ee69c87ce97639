import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormMessage } from "./form-message";

/** The file picker of every CSV import, with its upload error and progress. */
export function ImportFileForm({ error, busy }: { error: string | null; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Form method="post" encType="multipart/form-data" className="form-actions">
        <div className="field">
          <label htmlFor="import-file">{t("import.file")}</label>
          <input id="import-file" name="file" type="file" accept=".csv,text/csv" required />
        </div>
        <button type="submit" className="button" disabled={busy}>
          {t("import.preview")}
        </button>
      </Form>
      <UploadState error={error} busy={busy} />
    </>
  );
}

/** Under an upload form: what was wrong with the file, or that the upload is being read. */
export function UploadState({ error, busy }: { error: string | null; busy: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {error ? (
        <div className="form-errors" role="alert">
          <FormMessage message={error} />
        </div>
      ) : null}
      {busy ? (
        <div role="status" className="progress">
          <progress aria-label={t("import.working")} />
          <span>{t("import.working")}</span>
        </div>
      ) : null}
    </>
  );
}

/** Rejected rows, each by line and column, with the value and what is wrong with it. */
export function ImportErrors({ errors }: { errors: { line: number; column: string | null; messageKey: string; value?: string }[] }) {
  const { t } = useTranslation();
  if (!errors.length) return null;
  return (
    <>
      <h3>{t("import.errorsTitle")}</h3>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("import.line")}</th>
              <th scope="col">{t("import.column")}</th>
              <th scope="col">{t("import.value")}</th>
              <th scope="col">{t("import.problem")}</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              <tr key={`${error.line}-${error.column}-${index}`}>
                <td>{error.line}</td>
                <td>{error.column ?? "—"}</td>
                <td>{error.value ?? "—"}</td>
                <td>{t(error.messageKey as "import.unknownStage")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
