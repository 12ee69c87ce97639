import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { CheckboxField, ConfirmSubmitButton, SelectField, SubmitButton, TextField } from "~/components/form-fields";
import { useServerForm } from "~/components/use-server-form";
import { AdminSetPasswordSchema, EditUserSchema } from "~/features/accounts";
import {
  getUser,
  listActiveSessions,
  revokeSessions,
  setPassword,
  updateUserAccess,
  UserRuleError,
  requirePermission,
} from "~/features/accounts/index.server";
import { notFound } from "~/utils/http.server";
import { roles } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  const user = await getUser(params.userId ?? "");
  if (!user) notFound();
  return json({ user, activeSessions: (await listActiveSessions(user.id)).length });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const user = await getUser(params.userId ?? "");
  if (!user) notFound();
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "revokeAll") {
    const count = await revokeSessions(admin.id, user.id);
    return redirectWithToast(`/settings/users/${user.id}`, {
      kind: "success",
      message: "users.signedOutEverywhere",
      values: { name: user.name, count },
    });
  }

  if (intent === "setPassword") {
    const submission = parseWithZod(formData, { schema: AdminSetPasswordSchema });
    if (submission.status !== "success") {
      return json({ intent, result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
    }
    await setPassword(admin.id, user.id, submission.value.password);
    return redirectWithToast(`/settings/users/${user.id}`, {
      kind: "success",
      message: "users.passwordSet",
      values: { email: user.email },
    });
  }

  const submission = parseWithZod(formData, { schema: EditUserSchema });
  if (submission.status !== "success") return json({ intent, result: submission.reply() }, { status: 400 });
  try {
    await updateUserAccess(admin.id, user.id, submission.value);
  } catch (error) {
    if (error instanceof UserRuleError) {
      return json({ intent, result: submission.reply({ formErrors: [error.messageKey] }) }, { status: 409 });
    }
    throw error;
  }
  return redirectWithToast("/settings/users", { kind: "success", message: "users.saved" });
}

function AccessForm() {
  const { t } = useTranslation();
  const { user } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("editUser", {
    id: "user-access",
    lastResult: actionData?.intent === "access" ? actionData.result : undefined,
    defaultValue: { role: user.role, disabled: user.disabledAt ? "on" : undefined },
  });
  const wasEnabled = !user.disabledAt;
  return (
    <ConformForm
      form={form}
      onBeforeSubmit={(event) => {
        const disabling = wasEnabled && new FormData(event.currentTarget).get("disabled") === "on";
        return !disabling || window.confirm(t("users.confirmDisable", { name: user.name }));
      }}
    >
      <input type="hidden" name="intent" value="access" />
      <SelectField
        field={fields.role}
        label={t("fields.role")}
        options={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
      />
      <CheckboxField field={fields.disabled} label={t("users.disabledLabel")} />
      <div className="form-actions">
        <SubmitButton busy={navigation.formData?.get("intent") === "access"}>{t("common.save")}</SubmitButton>
        <Link to="/settings/users" className="button button-quiet">
          {t("common.cancel")}
        </Link>
      </div>
    </ConformForm>
  );
}

function SetPasswordForm() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("adminSetPassword", {
    id: "user-password",
    lastResult: actionData?.intent === "setPassword" ? actionData.result : undefined,
  });
  return (
    <ConformForm form={form}>
      <input type="hidden" name="intent" value="setPassword" />
      <TextField
        field={fields.password}
        label={t("fields.newPassword")}
        type="password"
        autoComplete="new-password"
        hint={t("errors.passwordTooShort")}
      />
      <SubmitButton busy={navigation.formData?.get("intent") === "setPassword"}>{t("users.setPasswordTitle")}</SubmitButton>
    </ConformForm>
  );
}

export default function EditUser() {
  const { t } = useTranslation();
  const { user, activeSessions } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="card narrow">
        <h2>{t("users.editTitle", { name: user.name })}</h2>
        <p className="muted">{user.email}</p>
        <AccessForm />
      </section>
      <section className="card narrow">
        <h2>{t("users.setPasswordTitle")}</h2>
        <p className="muted">{t("users.setPasswordHelp")}</p>
        <SetPasswordForm />
      </section>
      <section className="card narrow">
        <h2>{t("users.sessionsTitle")}</h2>
        <p>{t("users.activeSessions", { count: activeSessions })}</p>
        {activeSessions > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revokeAll" />
            <ConfirmSubmitButton className="button button-quiet" confirmMessage={t("users.confirmSignOutEverywhere", { name: user.name })}>
              {t("users.signOutEverywhere")}
            </ConfirmSubmitButton>
          </Form>
        ) : null}
      </section>
    </>
  );
}
