import { parseWithZod } from "@conform-to/zod/v4";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { useServerForm } from "~/components/use-server-form";
import { SubmitButton, TextField } from "~/components/form-fields";
import { LoginSchema } from "~/features/accounts";
import { getCurrentUser, login, redirectSignedIn } from "~/features/accounts/index.server";
import { safeRedirect } from "~/utils/redirect";

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getCurrentUser(request)) {
    throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  }
  return json({});
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return json({ result: submission.reply({ hideFields: ["password"] }) }, { status: 400 });
  }
  const sessionId = await login({
    ...submission.value,
    ipAddress: context.ipAddress,
    userAgent: request.headers.get("User-Agent"),
  });
  if (!sessionId) {
    // One message whatever the reason: unknown email, wrong password or disabled account.
    return json({ result: submission.reply({ formErrors: ["login.invalid"], hideFields: ["password"] }) }, { status: 401 });
  }
  return redirectSignedIn(sessionId, safeRedirect(submission.value.redirectTo));
}

export default function Login() {
  const { t } = useTranslation();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const [form, fields] = useServerForm("login", { lastResult: actionData?.result });
  return (
    <section className="card narrow">
      <h1>{t("login.title")}</h1>
      <ConformForm form={form}>
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="username" autoFocus />
        <TextField field={fields.password} label={t("fields.password")} type="password" autoComplete="current-password" />
        <SubmitButton busy={navigation.state !== "idle"}>{t("login.submit")}</SubmitButton>
      </ConformForm>
    </section>
  );
}
