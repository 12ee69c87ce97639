import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { useServerForm } from "~/components/use-server-form";
import { SubmitButton, TextField } from "~/components/form-fields";
import { SetupSchema } from "~/features/accounts";
import { isLocale } from "~/i18n/config";
import { resolveLocale } from "~/i18n/locale.server";
import { createFirstAdmin, UserRuleError, hasAnyUser, redirectSignedIn } from "~/features/accounts/index.server";

export async function loader(_: LoaderFunctionArgs) {
  if (await hasAnyUser()) throw redirect("/login");
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  // Once set up, the page is gone: answered before the body is read and a password is hashed.
  if (await hasAnyUser()) throw redirect("/login");
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SetupSchema });
  const hideFields = ["password", "confirmPassword"];
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields }) }, { status: 400 });
  }
  const locale = await resolveLocale(request, null);
  try {
    const sessionId = await createFirstAdmin(
      { ...submission.value, locale: isLocale(locale) ? locale : null },
      { ipAddress: context.ipAddress, userAgent: request.headers.get("User-Agent") },
    );
    return redirectSignedIn(sessionId, "/");
  } catch (error) {
    if (error instanceof UserRuleError) {
      return json({ result: submission.reply({ formErrors: [error.messageKey], hideFields }) }, { status: 409 });
    }
    throw error;
  }
}

export default function Setup() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("setup", { lastResult: actionData?.result });
  return (
    <section className="card narrow">
      <h1>{t("setup.title")}</h1>
      <p>{t("setup.intro")}</p>
      <ConformForm form={form}>
        <TextField field={fields.name} label={t("fields.name")} autoComplete="name" autoFocus />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
        <TextField
          field={fields.password}
          label={t("fields.password")}
          type="password"
          autoComplete="new-password"
          hint={t("errors.passwordTooShort")}
        />
        <TextField field={fields.confirmPassword} label={t("fields.confirmPassword")} type="password" autoComplete="new-password" />
        <SubmitButton busy={navigation.state !== "idle"}>{t("setup.submit")}</SubmitButton>
      </ConformForm>
    </section>
  );
}
