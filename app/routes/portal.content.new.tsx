import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ContentDraftForm, ContentDraftSchema } from "~/features/portal";
import { EmptyState } from "~/components/page";
import { draftFormContext, submitContent, requirePortalVisitor } from "~/features/portal/index.server";
import { handleForm, refuseForm } from "~/utils/forms.server";
import { redirectWithToast } from "~/utils/session.server";
import { readPortalForm } from "~/utils/upload.server";

export const meta: MetaFunction = () => [{ title: "Portal" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  return json(await draftFormContext(visitor.partnerId));
}

export async function action({ request }: ActionFunctionArgs) {
  const visitor = await requirePortalVisitor(request);
  const read = await readPortalForm(request, { media: "draft_media" });
  if (!read.ok) return refuseForm(read.formData, ContentDraftSchema, read.message, read.status);
  return handleForm(read.formData, ContentDraftSchema, async (value) => {
    const saved = await submitContent(visitor, value, read.files.media);
    return redirectWithToast(`/portal/content/${saved.submissionId}`, { kind: "success", message: "portal.content.submitted" });
  });
}

export default function NewDraft() {
  const { t } = useTranslation();
  const { targets, ruleSets } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const chosen = params.get("for") ?? "";
  return (
    <>
      <p>
        <Link to="/portal">{t("portal.back")}</Link>
      </p>
      <h1>{t("portal.content.newTitle")}</h1>
      <p className="hint">{t("portal.content.newIntro")}</p>
      <section className="card">
        {targets.length === 0 ? (
          <EmptyState>{t("portal.content.noTargets")}</EmptyState>
        ) : (
          <ContentDraftForm
            targets={targets}
            ruleSets={ruleSets}
            defaultValue={{
              target: targets.some((target) => target.value === chosen) ? chosen : targets.length === 1 ? targets[0].value : "",
            }}
          />
        )}
      </section>
    </>
  );
}
