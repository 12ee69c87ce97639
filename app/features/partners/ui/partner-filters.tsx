import { useTranslation } from "react-i18next";
import type { PartnerFilter } from "~/features/reports";
import { partnerKinds, partnerStages, platforms } from "../partner-terms";
import { FilterSelect } from "~/components/filter-select";

/** What each URL parameter of the partner filters is called on the form, for error messages. */
export function usePartnerFilterLabels(): Record<string, string> {
  const { t } = useTranslation();
  return {
    q: t("partnerList.search"),
    stage: t("columns.stage"),
    kind: t("columns.kind"),
    platform: t("channels.platform"),
    country: t("columns.country"),
    language: t("columns.language"),
    tag: t("partnerList.tag"),
    owner: t("columns.owner"),
    followersMin: t("partnerList.followersMin"),
    followersMax: t("partnerList.followersMax"),
    page: t("common.page"),
  };
}

/** The partner list's filters, shared by every view that is "filterable like the partner list". */
export function PartnerFilterFields({ query, owners }: { query: PartnerFilter; owners: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const first = (values: string[]) => values[0] ?? "";
  return (
    <>
      <div className="field field-wide">
        <label htmlFor="partner-search">{t("partnerList.search")}</label>
        <input id="partner-search" type="search" name="q" defaultValue={query.q ?? ""} placeholder={t("partnerList.searchHint")} />
      </div>
      <FilterSelect
        allLabel={t("filterAll.stage")}
        id="filter-stage"
        name="stage"
        label={t("columns.stage")}
        value={first(query.stage)}
        options={partnerStages.map((value) => ({ value, label: t(`stages.${value}`) }))}
      />
      <FilterSelect
        allLabel={t("filterAll.kind")}
        id="filter-kind"
        name="kind"
        label={t("columns.kind")}
        value={first(query.kind)}
        options={partnerKinds.map((value) => ({ value, label: t(`kinds.${value}`) }))}
      />
      <FilterSelect
        allLabel={t("filterAll.platform")}
        id="filter-platform"
        name="platform"
        label={t("channels.platform")}
        value={first(query.platform)}
        options={platforms.map((value) => ({ value, label: t(`platforms.${value}`) }))}
      />
      <div className="field field-narrow">
        <label htmlFor="filter-country">{t("columns.country")}</label>
        <input id="filter-country" name="country" defaultValue={query.country.join(",")} maxLength={40} />
      </div>
      <div className="field field-narrow">
        <label htmlFor="filter-language">{t("columns.language")}</label>
        <input id="filter-language" name="language" defaultValue={query.language.join(",")} maxLength={40} />
      </div>
      <div className="field">
        <label htmlFor="filter-tag">{t("partnerList.tag")}</label>
        <input id="filter-tag" name="tag" defaultValue={query.tag.join(",")} maxLength={200} />
      </div>
      <FilterSelect
        allLabel={t("filterAll.owner")}
        id="filter-owner"
        name="owner"
        label={t("columns.owner")}
        value={query.owner ?? ""}
        options={owners.map((owner) => ({ value: owner.id, label: owner.name }))}
      />
      <div className="field field-narrow">
        <label htmlFor="filter-min">{t("partnerList.followersMin")}</label>
        <input id="filter-min" name="followersMin" type="number" min={0} defaultValue={query.followersMin ?? ""} />
      </div>
      <div className="field field-narrow">
        <label htmlFor="filter-max">{t("partnerList.followersMax")}</label>
        <input id="filter-max" name="followersMax" type="number" min={0} defaultValue={query.followersMax ?? ""} />
      </div>
      <div className="field field-checkbox">
        <input id="filter-overdue" type="checkbox" name="overdue" value="1" defaultChecked={query.overdue} />
        <label htmlFor="filter-overdue">{t("tasks.filterOverdue")}</label>
      </div>
      <div className="field field-checkbox">
        <input id="filter-archived" type="checkbox" name="archived" value="1" defaultChecked={query.archived} />
        <label htmlFor="filter-archived">{t("partnerList.showArchived")}</label>
      </div>
    </>
  );
}
