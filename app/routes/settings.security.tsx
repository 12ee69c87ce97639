import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { ConfirmSubmitButton, SubmitButton, TextField } from "~/components/form-fields";
import { useServerForm } from "~/components/use-server-form";
import { ChangePasswordSchema } from "~/features/accounts";
import {
  listActiveSessions,
  revokeSessions,
  setPassword,
  readSessionId,
  requireUser,
  verifyCurrentPassword,
} from "~/features/accounts/index.server";
import { formatDateTime } from "~/shared/format";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const currentSessionId = await readSessionId(request);
  const sessions = await listActiveSessions(user.id);
  // Session ids are credentials: the page gets only whether each one is the current one.
  return json({
    sessions: sessions.map(({ id, ...session }) => ({ ...session, key: id.slice(0, 8), current: id === currentSessionId })),
  });
}

/** Each signed-in user manages their own password and sessions, and no one else's here. */
export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const currentSessionId = (await readSessionId(request)) ?? undefined;
  const formData = await request.formData();

  if (formData.get("intent") === "revokeOthers") {
    const count = await revokeSessions(user.id, user.id, currentSessionId);
    return redirectWithToast("/settings/security", { kind: "success", message: "security.othersSignedOut", values: { count } });
  }

  const hideFields = ["currentPassword", "password", "confirmPassword"];
  const submission = parseWithZod(formData, { schema: ChangePasswordSchema });
  if (submission.status !== "success") return json({ result: submission.reply({ hideFields }) }, { status: 400 });
  if (!(await verifyCurrentPassword(user.id, submission.value.currentPassword, context.ipAddress))) {
    return json(
      { result: submission.reply({ fieldErrors: { currentPassword: ["security.wrongCurrentPassword"] }, hideFields }) },
      { status: 400 },
    );
  }
  await setPassword(user.id, user.id, submission.value.password, currentSessionId);
  return redirectWithToast("/settings/security", { kind: "success", message: "security.passwordChanged" });
}

export default function Security() {
  const { t, i18n } = useTranslation();
  const { sessions } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("changePassword", { lastResult: actionData?.result });
  const others = sessions.filter((session) => !session.current).length;
  return (
    <div className="two-columns">
      <section className="card">
        <h2>{t("security.changePassword")}</h2>
        <p className="muted">{t("security.changePasswordHelp")}</p>
        <ConformForm form={form}>
          <input type="hidden" name="intent" value="changePassword" />
          <TextField field={fields.currentPassword} label={t("fields.currentPassword")} type="password" autoComplete="current-password" />
          <TextField
            field={fields.password}
            label={t("fields.newPassword")}
            type="password"
            autoComplete="new-password"
            hint={t("errors.passwordTooShort")}
          />
          <TextField field={fields.confirmPassword} label={t("fields.confirmPassword")} type="password" autoComplete="new-password" />
          <SubmitButton busy={navigation.formData?.get("intent") === "changePassword"}>{t("common.save")}</SubmitButton>
        </ConformForm>
      </section>
      <section className="card">
        <h2>{t("security.sessionsTitle")}</h2>
        <ul className="plain-list">
          {sessions.map((session) => (
            <li key={session.key}>
              <span>
                {session.userAgent ?? t("security.unknownDevice")}
                {session.ipAddress ? ` · ${session.ipAddress}` : ""}
                <br />
                <span className="muted">{t("security.started", { date: formatDateTime(i18n.language, session.createdAt) })}</span>
              </span>
              {session.current ? <span className="badge badge-ok">{t("security.thisSession")}</span> : null}
            </li>
          ))}
        </ul>
        {others > 0 ? (
          <Form method="post" className="form-actions">
            <input type="hidden" name="intent" value="revokeOthers" />
            <ConfirmSubmitButton className="button button-quiet" confirmMessage={t("security.confirmSignOutOthers")}>
              {t("security.signOutOthers")}
            </ConfirmSubmitButton>
          </Form>
        ) : null}
      </section>
    </div>
  );
}
