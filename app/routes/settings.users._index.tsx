import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { useServerForm } from "~/components/use-server-form";
import { ConfirmSubmitButton, SelectField, SubmitButton, TextField } from "~/components/form-fields";
import { Pagination } from "~/components/pagination";
import {
  SignInLocks,
  ClearSignInLockSchema,
  CreateUserSchema,
  InviteUserSchema,
  PageSchema,
  RevokeInvitationSchema,
} from "~/features/accounts";
import {
  clearSignInLock,
  listSignInLocks,
  createUser,
  INVITATION_TTL_DAYS,
  inviteUser,
  listUsers,
  revokeInvitation,
  UserRuleError,
  USERS_PAGE_SIZE,
  requirePermission,
} from "~/features/accounts/index.server";
import { absoluteUrl } from "~/utils/cross-site.server";
import { parseEnv } from "~/utils/env.server";
import { formatDate } from "~/shared/format";
import { roles } from "~/shared/permissions";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "users:manage");
  const { page } = PageSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  // Constants from .server modules do not reach the browser bundle: send them as data.
  const [users, signInLocks] = await Promise.all([listUsers(page), listSignInLocks()]);
  return json({ page, pageSize: USERS_PAGE_SIZE, invitationTtlDays: INVITATION_TTL_DAYS, ...users, signInLocks });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requirePermission(request, "users:manage");
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "clearSignInLock") {
    const parsed = ClearSignInLockSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw json({ message: "errors.invalidChoice" }, { status: 400 });
    await clearSignInLock(admin.id, { email: parsed.data.email ?? null, ipAddress: parsed.data.ipAddress });
    return redirectWithToast("/settings/users", { kind: "success", message: "users.signInLockCleared" });
  }

  if (intent === "revokeInvitation") {
    const parsed = RevokeInvitationSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) throw json({ message: "errors.invalidChoice" }, { status: 400 });
    await revokeInvitation(admin.id, parsed.data.invitationId);
    return redirectWithToast("/settings/users", { kind: "success", message: "users.invitationRevoked" });
  }

  const schema = intent === "invite" ? InviteUserSchema : CreateUserSchema;
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") {
    return json({ intent, result: submission.reply({ hideFields: ["password"] }), inviteUrl: null }, { status: 400 });
  }
  try {
    if (submission.value.intent === "invite") {
      // Checked before anything is written: an invitation nobody can be sent is no use.
      const invitePage = absoluteUrl("/invite/", parseEnv().APP_URL, request.url);
      if (!invitePage) {
        return json({ intent, result: submission.reply({ formErrors: ["errors.appUrlRequired"] }), inviteUrl: null }, { status: 409 });
      }
      const { token, invitation } = await inviteUser(admin.id, submission.value);
      const inviteUrl = new URL(token, invitePage).toString();
      return json({ intent, result: submission.reply({ resetForm: true }), inviteUrl, inviteEmail: invitation.email });
    }
    const user = await createUser(admin.id, submission.value);
    return redirectWithToast("/settings/users", { kind: "success", message: "users.created", values: { email: user.email } });
  } catch (error) {
    if (error instanceof UserRuleError) {
      return json(
        {
          intent,
          result: submission.reply({ fieldErrors: { [error.field]: [error.messageKey] }, hideFields: ["password"] }),
          inviteUrl: null,
        },
        { status: 409 },
      );
    }
    throw error;
  }
}

function useRoleOptions() {
  const { t } = useTranslation();
  return roles.map((role) => ({ value: role, label: `${t(`roles.${role}`)} · ${t(`roleHelp.${role}`)}` }));
}

function CreateUserForm() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("createUser", {
    id: "create-user",
    lastResult: actionData?.intent === "create" ? actionData.result : undefined,
    defaultValue: { role: "viewer" },
  });
  const busy = navigation.formData?.get("intent") === "create";
  return (
    <section className="card">
      <h2>{t("users.createTitle")}</h2>
      <p className="muted">{t("users.createHelp")}</p>
      <ConformForm form={form}>
        <input type="hidden" name="intent" value="create" />
        <TextField field={fields.name} label={t("fields.name")} autoComplete="off" />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="off" />
        <SelectField field={fields.role} label={t("fields.role")} options={useRoleOptions()} />
        <TextField
          field={fields.password}
          label={t("fields.password")}
          type="password"
          autoComplete="new-password"
          hint={t("errors.passwordTooShort")}
        />
        <SubmitButton busy={busy}>{t("common.create")}</SubmitButton>
      </ConformForm>
    </section>
  );
}

function InviteUserForm({ invitationTtlDays }: { invitationTtlDays: number }) {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("inviteUser", {
    id: "invite-user",
    lastResult: actionData?.intent === "invite" ? actionData.result : undefined,
    defaultValue: { role: "manager" },
  });
  const busy = navigation.formData?.get("intent") === "invite";
  return (
    <section className="card">
      <h2>{t("users.inviteTitle")}</h2>
      <p className="muted">{t("users.inviteHelp", { days: String(invitationTtlDays) })}</p>
      {actionData?.inviteUrl && "inviteEmail" in actionData ? (
        <div className="notice" role="status">
          <p>{t("users.inviteLink", { email: actionData.inviteEmail })}</p>
          <input
            className="copy-field"
            readOnly
            value={actionData.inviteUrl}
            aria-label={t("users.inviteLink", { email: actionData.inviteEmail })}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      ) : null}
      <ConformForm form={form}>
        <input type="hidden" name="intent" value="invite" />
        <TextField field={fields.name} label={t("fields.name")} autoComplete="off" />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="off" />
        <SelectField field={fields.role} label={t("fields.role")} options={useRoleOptions()} />
        <SubmitButton busy={busy}>{t("users.inviteSubmit")}</SubmitButton>
      </ConformForm>
    </section>
  );
}

export default function Users() {
  const { t, i18n } = useTranslation();
  const { users, total, page, pageSize, invitationTtlDays, invitations, signInLocks } = useLoaderData<typeof loader>();
  return (
    <>
      <SignInLocks locks={signInLocks} />
      <section className="card">
        <h2>{t("users.title")}</h2>
        <div className="table-wrap" tabIndex={0}>
          <table className="phone-cards">
            <thead>
              <tr>
                <th scope="col">{t("fields.name")}</th>
                <th scope="col">{t("fields.email")}</th>
                <th scope="col">{t("fields.role")}</th>
                <th scope="col">{t("users.status")}</th>
                <th scope="col">{t("users.createdAt")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("common.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <td className="card-title">{user.name}</td>
                  <td className="card-first break-anywhere">{user.email}</td>
                  <td data-label={t("fields.role")}>{t(`roles.${user.role}`)}</td>
                  <td data-label={t("users.status")}>
                    <span className={`badge ${user.disabledAt ? "badge-muted" : "badge-ok"}`}>
                      {user.disabledAt ? t("users.disabled") : t("users.active")}
                    </span>
                  </td>
                  <td data-label={t("users.createdAt")}>{formatDate(i18n.language, user.createdAt)}</td>
                  <td>
                    <Link to={`/settings/users/${user.id}`} aria-label={t("users.editTitle", { name: user.name })}>
                      {t("users.edit")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pagination page={page} pageSize={pageSize} total={total} />
      </section>
      {invitations.length > 0 ? (
        <section className="card">
          <h2>{t("users.pendingInvitations")}</h2>
          <ul className="plain-list">
            {invitations.map((invitation) => (
              <li key={invitation.id}>
                <span>
                  {invitation.name} · {invitation.email} · {t(`roles.${invitation.role}`)} ·{" "}
                  {t("users.expires", { date: formatDate(i18n.language, invitation.expiresAt) })}
                </span>
                <Form method="post">
                  <input type="hidden" name="intent" value="revokeInvitation" />
                  <input type="hidden" name="invitationId" value={invitation.id} />
                  <ConfirmSubmitButton
                    className="button button-quiet"
                    confirmMessage={t("users.confirmRevoke", { email: invitation.email })}
                  >
                    {t("users.revoke")}
                  </ConfirmSubmitButton>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <div className="two-columns">
        <CreateUserForm />
        <InviteUserForm invitationTtlDays={invitationTtlDays} />
      </div>
    </>
  );
}
