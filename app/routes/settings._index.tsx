import { parseWithZod } from "@conform-to/zod/v4";
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { useServerForm } from "~/components/use-server-form";
import { SelectField, SubmitButton, TextField } from "~/components/form-fields";
import { ProfileSchema } from "~/features/accounts";
import { localeCookie } from "~/i18n/locale.server";
import { updateProfile, requireUser } from "~/features/accounts/index.server";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ name: user.name, email: user.email, locale: user.locale ?? "auto" });
}

/** Every signed-in user may edit their own name and language, and nothing else here. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = parseWithZod(await request.formData(), { schema: ProfileSchema });
  if (submission.status !== "success") return json({ result: submission.reply() }, { status: 400 });
  const locale = submission.value.locale === "auto" ? null : submission.value.locale;
  await updateProfile(user.id, { name: submission.value.name, locale });
  return redirectWithToast(
    "/settings",
    { kind: "success", message: "settings.profileSaved" },
    // "Browser default" must also forget a language chosen before sign-in.
    { headers: locale ? {} : { "Set-Cookie": await localeCookie.serialize("", { maxAge: 0 }) } },
  );
}

export default function Profile() {
  const { t } = useTranslation();
  const profile = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("profile", {
    lastResult: actionData?.result,
    defaultValue: { name: profile.name, locale: profile.locale },
  });
  return (
    <section className="card">
      <h2>{t("settings.profile")}</h2>
      <p className="muted">{profile.email}</p>
      <ConformForm form={form}>
        <TextField field={fields.name} label={t("fields.name")} autoComplete="name" />
        <SelectField
          field={fields.locale}
          label={t("fields.language")}
          hint={t("settings.languageHelp")}
          options={[
            { value: "auto", label: t("locale.auto") },
            { value: "en", label: t("locale.en") },
            { value: "fr", label: t("locale.fr") },
          ]}
        />
        <SubmitButton busy={navigation.state !== "idle"}>{t("common.save")}</SubmitButton>
      </ConformForm>
    </section>
  );
}
