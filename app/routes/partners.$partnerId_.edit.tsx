import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { SubmitButton } from "~/components/form-fields";
import { PageHeader } from "~/components/page";
import { PartnerFormFieldset, EditPartnerSchema } from "~/features/partners";
import { useServerForm } from "~/components/use-server-form";
import { RuleViolation } from "~/shared/violations";
import { getPartner, listOwners, StaleEditError, updatePartner } from "~/features/partners/index.server";
import { replyToRule } from "~/utils/forms.server";
import { requirePermission } from "~/features/accounts/index.server";
import { notFound } from "~/utils/http.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "partners:write");
  const partner = await getPartner(params.partnerId ?? "");
  if (!partner) notFound();
  return json({ partner, owners: await listOwners() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requirePermission(request, "partners:write");
  const partnerId = params.partnerId ?? "";
  const submission = parseWithZod(await request.formData(), { schema: EditPartnerSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), stale: false }, { status: 400 });
  const { version, ...input } = submission.value;
  try {
    const updated = await updatePartner(user.id, partnerId, version, input);
    if (!updated) notFound();
  } catch (error) {
    if (error instanceof StaleEditError) {
      // Nothing is written. The page reloads the other person's version (the form is keyed
      // by version) and says why.
      return json({ result: null, stale: true }, { status: 409 });
    }
    if (error instanceof RuleViolation) return json({ result: replyToRule(submission, error), stale: false }, { status: error.status });
    throw error;
  }
  return redirectWithToast(`/partners/${partnerId}`, { kind: "success", message: "partners.saved" });
}

export default function EditPartner() {
  const { t } = useTranslation();
  const { partner, owners } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("editPartner", {
    id: `partner-${partner.id}-v${partner.version}`,
    lastResult: actionData?.result ?? undefined,
    defaultValue: {
      name: partner.name,
      kind: partner.kind,
      email: partner.email ?? "",
      website: partner.website ?? "",
      country: partner.country ?? "",
      language: partner.language ?? "",
      stage: partner.stage,
      ownerId: partner.ownerId ?? "",
      tags: partner.tags.join(", ") as never,
      notes: partner.notes ?? "",
      riskNotes: partner.riskNotes ?? "",
      lawfulBasis: partner.lawfulBasis,
      dataSource: partner.dataSource ?? "",
      version: String(partner.version) as never,
    },
  });
  return (
    <>
      <PageHeader title={t("partners.editTitle", { name: partner.name })} />
      <section className="card">
        {actionData?.stale ? (
          <div className="form-errors" role="alert">
            {t("partners.stale")}
          </div>
        ) : null}
        <ConformForm form={form}>
          <input type="hidden" name="version" value={partner.version} />
          <PartnerFormFieldset fields={fields} owners={owners} />
          <div className="form-actions">
            <SubmitButton busy={navigation.state !== "idle"}>{t("common.save")}</SubmitButton>
            <Link to={`/partners/${partner.id}`} className="button button-quiet">
              {t("common.cancel")}
            </Link>
          </div>
        </ConformForm>
      </section>
    </>
  );
}
