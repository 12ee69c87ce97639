import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { PartnerStage } from "../partner-terms";
import { StageBadge } from "./partner-badges";

interface PartnerSearchProps {
  q: string;
  found: { id: string; name: string; stage: PartnerStage }[];
  /** Search params the form already carries (chosen partners, campaign), kept through the search. */
  keep: [string, string][];
  /** What the link next to a found partner says, e.g. "Add Léa". */
  pickLabel: (name: string) => string;
}

/** Find a partner for a gift or placement form; picking one adds `partnerId` to the page's URL. */
export function PartnerSearch({ q, found, keep, pickLabel }: PartnerSearchProps) {
  const { t } = useTranslation();
  return (
    <>
      <Form method="get" className="filters" role="search">
        {keep.map(([name, value]) => (
          <input key={`${name}-${value}`} type="hidden" name={name} value={value} />
        ))}
        <div className="field">
          <label htmlFor="partner-search">{t("gifts.findPartner")}</label>
          <input id="partner-search" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit" className="button button-quiet">
          {t("common.search")}
        </button>
      </Form>
      {q ? (
        found.length ? (
          <ul className="plain-list">
            {found.map((p) => (
              <li key={p.id}>
                {p.name} <StageBadge stage={p.stage} />{" "}
                <Link to={`?${new URLSearchParams([...keep, ["partnerId", p.id]])}`} className="button button-small button-quiet">
                  {pickLabel(p.name)}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("gifts.noPartnerFound", { q })}</p>
        )
      ) : null}
    </>
  );
}
