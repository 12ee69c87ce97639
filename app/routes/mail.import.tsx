import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMailPageStrings } from "~/features/mail";
import { UploadState } from "~/components/import-file";
import { PageHeader } from "~/components/page";
import { isRuleViolation } from "~/shared/violations";
import { startMailImport } from "~/features/mail/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { readMailUpload } from "~/utils/upload.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "outreach:write");
  return json({});
}

/** The files are stored and a job files each message (same path as the receiver and `npm run mail:import`). */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "outreach:write");
  const files = await readMailUpload(request);
  if (!Array.isArray(files)) return json({ error: files.error }, { status: files.status });
  try {
    return redirect(`/jobs/${await startMailImport(user.id, files)}`);
  } catch (error) {
    if (isRuleViolation(error)) return json({ error: error.formMessage() }, { status: error.status });
    throw error;
  }
}

export default function MailImportPage() {
  useMailPageStrings();
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <PageHeader title={t("mailImport.title")} />
      <section className="card" aria-labelledby="mail-import-intro">
        <h2 id="mail-import-intro">{t("mailImport.heading")}</h2>
        <p>{t("mailImport.intro")}</p>
        <Form method="post" encType="multipart/form-data" className="form-actions">
          <div className="field">
            <label htmlFor="mail-files">{t("mailImport.files")}</label>
            <input id="mail-files" name="files" type="file" accept=".eml,.mbox,message/rfc822,application/mbox" multiple required />
            <p className="hint">{t("mailImport.filesHint")}</p>
          </div>
          <button type="submit" className="button" disabled={busy}>
            {t("mailImport.start")}
          </button>
        </Form>
        <UploadState error={actionData?.error ?? null} busy={busy} />
      </section>
    </>
  );
}
