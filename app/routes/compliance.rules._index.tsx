import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeader } from "~/components/page";
import { disclosureJurisdictions } from "~/shared/disclosure-terms";
import { recentRechecks, ruleSetsInForce } from "~/features/compliance/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDateTime } from "~/shared/format";
import { can } from "~/shared/permissions";
import { useCount } from "~/components/use-count";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "compliance:read");
  const [sets, rechecks] = await Promise.all([ruleSetsInForce(), recentRechecks()]);
  return json({ sets: disclosureJurisdictions.map((code) => sets[code]), rechecks, canEdit: can(user.role, "compliance:rules") });
}

export default function RuleSets() {
  const { t, i18n } = useTranslation();
  const count = useCount();
  const { sets, rechecks, canEdit } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader title={t("compliance.rulesTitle")}>
        <Link to="/compliance" className="button button-quiet">
          {t("compliance.queueTitle")}
        </Link>
      </PageHeader>
      <p className="hint">{t("compliance.rulesIntro")}</p>
      {sets.map((set) => (
        <section key={set.jurisdiction} className="card" aria-labelledby={`rules-${set.jurisdiction}`}>
          <h2 id={`rules-${set.jurisdiction}`}>
            {t(`jurisdictions.${set.jurisdiction}`)}{" "}
            <span className="muted">{t("compliance.versionNumber", { version: String(set.version) })}</span>
          </h2>
          <dl className="details">
            <div>
              <dt>{t("compliance.accepted")}</dt>
              <dd>{set.accepted.join(", ")}</dd>
            </div>
            <div>
              <dt>{t("compliance.weak")}</dt>
              <dd>{set.weak.join(", ") || "—"}</dd>
            </div>
            {set.acceptedWhenOnlyGifted.length ? (
              <div>
                <dt>{t("compliance.giftOnly")}</dt>
                <dd>{set.acceptedWhenOnlyGifted.join(", ")}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("compliance.platformLabelAlone")}</dt>
              <dd>{set.platformLabelAlone ? t("common.yes") : t("common.no")}</dd>
            </div>
          </dl>
          <Link to={`/compliance/rules/${set.jurisdiction}`}>{canEdit ? t("compliance.editRules") : t("compliance.viewRules")}</Link>
        </section>
      ))}
      <section className="card" aria-labelledby="rechecks-title">
        <h2 id="rechecks-title">{t("compliance.rechecks")}</h2>
        {rechecks.length ? (
          <ul className="plain-list">
            {rechecks.map((r) => (
              <li key={r.id}>
                <Link to={`/compliance/rechecks/${r.id}`}>
                  {t("compliance.recheckLine", {
                    jurisdiction: r.jurisdiction,
                    to: String(r.toVersion),
                    checked: count("itemsChecked", r.checked),
                    changed: count("changed", r.changed),
                  })}
                </Link>
                <span className="muted">
                  {r.actor?.name ?? "—"} · {formatDateTime(i18n.language, r.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("compliance.noRechecks")}</p>
        )}
      </section>
    </>
  );
}
