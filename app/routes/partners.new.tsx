import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { SubmitButton } from "~/components/form-fields";
import { PageHeader } from "~/components/page";
import { PartnerFormFieldset } from "~/components/partner-form";
import { useZodForm } from "~/components/use-zod-form";
import { PartnerFormSchema } from "~/domain/partners";
import { createPartner, listOwners, ownerExists } from "~/models/partner.server";
import { requirePermission } from "~/utils/auth.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:write");
  return json({ owners: await listOwners(), me: user.id });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "partners:write");
  const submission = parseWithZod(await request.formData(), { schema: PartnerFormSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  if (!(await ownerExists(submission.value.ownerId))) {
    return json({ result: submission.reply({ fieldErrors: { ownerId: ["errors.unknownOwner"] } }) }, { status: 400 });
  }
  const partner = await createPartner(user.id, submission.value);
  return redirectWithToast(`/partners/${partner.id}`, { kind: "success", message: "partners.created", values: { name: partner.name } });
}

export default function NewPartner() {
  const { t } = useTranslation();
  const { owners, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(PartnerFormSchema, {
    lastResult: actionData?.result,
    defaultValue: { kind: "blogger", stage: "prospect", ownerId: me },
  });
  return (
    <>
      <PageHeader title={t("partners.new")} />
      <section className="card">
        <ConformForm form={form}>
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
