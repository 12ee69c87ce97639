import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { SubmitButton } from "~/components/form-fields";
import { PageHeader } from "~/components/page";
import { PartnerFormFieldset, PartnerFormSchema } from "~/features/partners";
import { useServerForm } from "~/components/use-server-form";
import { RuleViolation } from "~/shared/violations";
import { createPartner, findDuplicate, listOwners } from "~/features/partners/index.server";
import { once, replyToRule } from "~/utils/forms.server";
import { requirePermission } from "~/features/accounts/index.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:write");
  return json({ owners: await listOwners(), me: user.id });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "partners:write");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: PartnerFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply(), duplicate: null }, { status: 400 });
  const stillSaving = () => json({ result: submission.reply({ formErrors: ["forms.stillSaving"] }), duplicate: null }, { status: 409 });
  return once(formData, stillSaving, async () => {
    if (formData.get("createAnyway") !== "1") {
      const duplicate = await findDuplicate({ email: submission.value.email, website: submission.value.website, channels: [] });
      if (duplicate) return json({ result: submission.reply(), duplicate }, { status: 409 });
    }
    let partner;
    try {
      partner = await createPartner(user.id, submission.value);
    } catch (error) {
      if (error instanceof RuleViolation)
        return json({ result: replyToRule(submission, error), duplicate: null }, { status: error.status });
      throw error;
    }
    return redirectWithToast(`/partners/${partner.id}`, { kind: "success", message: "partners.created", values: { name: partner.name } });
  });
}

export default function NewPartner() {
  const { t } = useTranslation();
  const { owners, me } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("partner", {
    lastResult: actionData?.result,
    // A partner made from a sender (mail triage) starts with their name and address.
    defaultValue: {
      kind: "blogger",
      stage: "prospect",
      ownerId: me,
      lawfulBasis: "legitimate_interests",
      name: searchParams.get("name") ?? undefined,
      email: searchParams.get("email") ?? undefined,
    },
  });
  return (
    <>
      <PageHeader title={t("partners.new")} />
      <section className="card">
        <ConformForm form={form}>
          {actionData?.duplicate ? (
            <div className="notice" role="alert">
              <p>{t("partners.duplicateFound", { name: actionData.duplicate.name })}</p>
              <div className="form-actions">
                <Link to={`/partners/${actionData.duplicate.id}`} className="button">
                  {t("partners.openExisting", { name: actionData.duplicate.name })}
                </Link>
                <button type="submit" name="createAnyway" value="1" className="button button-quiet">
                  {t("partners.createAnyway")}
                </button>
              </div>
            </div>
          ) : null}
          <PartnerFormFieldset fields={fields} owners={owners} />
          <div className="form-actions">
            <SubmitButton busy={navigation.state !== "idle"}>{t("common.create")}</SubmitButton>
            <Link to="/partners" className="button button-quiet">
              {t("common.cancel")}
            </Link>
          </div>
        </ConformForm>
      </section>
    </>
  );
}
