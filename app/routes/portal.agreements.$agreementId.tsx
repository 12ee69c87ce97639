import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { agreementTitle } from "~/features/portal";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgreementText, AgreementSignSchema } from "~/features/spend";
import { ConformForm } from "~/components/conform-form";
import { CheckboxField, SubmitButton, TextField } from "~/components/form-fields";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { agreementFor, signAgreement } from "~/features/spend/index.server";
import { formatDateTime } from "~/shared/format";
import { handleForm } from "~/utils/forms.server";
import { notFound, recordIdParam } from "~/utils/http.server";
import { requirePortalVisitor } from "~/features/portal/index.server";
import { redirectWithToast } from "~/utils/session.server";

export const meta: MetaFunction = () => [{ title: "Portal" }];

function agreementId(params: { agreementId?: string }) {
  return recordIdParam(params.agreementId);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const agreement = await agreementFor(agreementId(params), visitor.partnerId);
  if (!agreement) notFound();
  const { signedInSession: _session, ...shown } = agreement;
  return json({ agreement: shown });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const id = agreementId(params);
  return handleForm(await request.formData(), AgreementSignSchema, async (value) => {
    await signAgreement(visitor, id, value, String((context as { ipAddress?: string }).ipAddress ?? ""));
    return redirectWithToast(`/portal/agreements/${id}`, { kind: "success", message: "portal.agreement.signed" });
  });
}

function SignForm() {
  const { t } = useTranslation();
  const busy = useNavigation().state === "submitting";
  const [form, fields] = useServerForm("agreementSign", { id: "sign", lastResult: useFormResult("sign") });
  return (
    <ConformForm form={form}>
      <input type="hidden" name="formId" value="sign" />
      <TextField field={fields.signerName} label={t("portal.agreement.signerName")} autoComplete="name" />
      <CheckboxField field={fields.consent} label={t("portal.agreement.consent")} />
      <SubmitButton busy={busy}>{t("portal.agreement.sign")}</SubmitButton>
    </ConformForm>
  );
}

export default function PortalAgreement() {
  const { t, i18n } = useTranslation();
  const { agreement } = useLoaderData<typeof loader>();
  return (
    <>
      <p>
        <Link to="/portal">{t("portal.back")}</Link>
      </p>
      <div className="portal-item-head">
        <h1>{agreementTitle(t, agreement)}</h1>
        <a href={`/portal/agreements/${agreement.id}/pdf`} className="button button-quiet" download>
          {t("portal.agreement.download")}
        </a>
      </div>
      {agreement.signedAt ? (
        <p className="notice notice-success" role="status">
          {t("portal.agreement.signedOn", { name: agreement.signerName ?? "", date: formatDateTime(i18n.language, agreement.signedAt) })}
          <span className="block text-sm">
            {t("portal.agreement.evidence", {
              date: formatDateTime(i18n.language, agreement.signedAt),
              version: String(agreement.templateVersion),
              hash: agreement.textHash.slice(0, 16),
            })}
          </span>
        </p>
      ) : agreement.withdrawnAt ? (
        <p className="notice notice-warning">{t("portal.agreement.withdrawn")}</p>
      ) : null}
      <AgreementText text={agreement.text} language={agreement.language} />
      {!agreement.signedAt && !agreement.withdrawnAt ? (
        <section className="card" aria-labelledby="sign-title">
          <h2 id="sign-title">{t("portal.agreement.signTitle")}</h2>
          <SignForm />
        </section>
      ) : null}
    </>
  );
}
