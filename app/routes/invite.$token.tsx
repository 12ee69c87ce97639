import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { useServerForm } from "~/components/use-server-form";
import { SubmitButton, TextField } from "~/components/form-fields";
import { EmptyState } from "~/components/page";
import { AcceptInvitationSchema } from "~/features/accounts";
import { acceptInvitation, findOpenInvitation, UserRuleError, redirectSignedIn } from "~/features/accounts/index.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const invitation = await findOpenInvitation(params.token ?? "");
  return json({ invitation }, { status: invitation ? 200 : 404 });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  // An unknown or used link is answered before the body is read and a password is hashed.
  if (!(await findOpenInvitation(params.token ?? ""))) return json({ result: null }, { status: 404 });
  const submission = parseWithZod(await request.formData(), { schema: AcceptInvitationSchema });
  const hideFields = ["password", "confirmPassword"];
  if (submission.status !== "success") return json({ result: submission.reply({ hideFields }) }, { status: 400 });
  try {
    const sessionId = await acceptInvitation(params.token ?? "", submission.value, {
      ipAddress: context.ipAddress,
      userAgent: request.headers.get("User-Agent"),
    });
    return redirectSignedIn(sessionId, "/");
  } catch (error) {
    if (error instanceof UserRuleError) {
      return json({ result: submission.reply({ formErrors: [error.messageKey], hideFields }) }, { status: 409 });
    }
    throw error;
  }
}

export default function AcceptInvitation() {
  const { t } = useTranslation();
  const { invitation } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("acceptInvitation", { lastResult: actionData?.result, defaultValue: { name: invitation?.name } });
  if (!invitation) return <EmptyState title={t("invite.title")}>{t("invite.invalid")}</EmptyState>;
  return (
    <section className="card narrow">
      <h1>{t("invite.title")}</h1>
      <p>{t("invite.intro", { role: t(`roles.${invitation.role}`), email: invitation.email })}</p>
      <ConformForm form={form}>
        <TextField field={fields.name} label={t("fields.name")} autoComplete="name" />
        <TextField
          field={fields.password}
          label={t("fields.password")}
          type="password"
          autoComplete="new-password"
          hint={t("errors.passwordTooShort")}
        />
        <TextField field={fields.confirmPassword} label={t("fields.confirmPassword")} type="password" autoComplete="new-password" />
        <SubmitButton busy={navigation.state !== "idle"}>{t("invite.submit")}</SubmitButton>
      </ConformForm>
    </section>
  );
}
