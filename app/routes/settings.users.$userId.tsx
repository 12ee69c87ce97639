import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { useZodForm } from "~/components/use-zod-form";
import { CheckboxField, SelectField, SubmitButton } from "~/components/form-fields";
import { EditUserSchema } from "~/domain/account-forms";
import { getUser, updateUserAccess, UserRuleError } from "~/models/user.server";
import { requirePermission } from "~/utils/auth.server";
import { notFound } from "~/utils/http.server";
import { roles } from "~/utils/permissions";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  const user = await getUser(params.userId ?? "");
  if (!user) notFound();
  return json({ user });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const submission = parseWithZod(await request.formData(), { schema: EditUserSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  try {
    const updated = await updateUserAccess(admin.id, params.userId ?? "", submission.value);
    if (!updated) notFound();
  } catch (error) {
    if (error instanceof UserRuleError) {
      return json({ result: submission.reply({ formErrors: [error.messageKey] }) }, { status: 409 });
    }
    throw error;
  }
  return redirectWithToast("/settings/users", { kind: "success", message: "users.saved" });
}

export default function EditUser() {
  const { t } = useTranslation();
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useZodForm(EditUserSchema, { lastResult: actionData?.result, defaultValue: { role: user.role, disabled: user.disabledAt ? "on" : undefined } });
  const wasEnabled = !user.disabledAt;
  return (
    <section className="card narrow">
      <h2>{t("users.editTitle", { name: user.name })}</h2>
      <p className="muted">{user.email}</p>
      <ConformForm
        form={form}
        onBeforeSubmit={(event) => {
          const disabling = wasEnabled && new FormData(event.currentTarget).get("disabled") === "on";
          return !disabling || window.confirm(t("users.confirmDisable", { name: user.name }));
        }}
      >
        <SelectField field={fields.role} label={t("fields.role")} options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))} />
        <CheckboxField field={fields.disabled} label={t("users.disabledLabel")} />
        <div className="form-actions">
          <SubmitButton busy={navigation.state !== "idle"}>{t("common.save")}</SubmitButton>
          <Link to="/settings/users" className="button button-quiet">
            {t("common.cancel")}
          </Link>
        </div>
      </ConformForm>
    </section>
  );
}
