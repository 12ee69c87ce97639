import type { TFunction } from "i18next";
import { formatDay } from "~/shared/format";

/** A list filter: a labelled select whose first choice, "All …", means no filter. */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  allLabel,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  /** The first choice, no filter: "All campaigns", which French makes agree with its noun (« Toutes les campagnes »). */
  allLabel: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{allLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Campaigns to choose from; one that has ended says so, so nothing is booked to it unawares. */
export function campaignOptions(campaigns: { id: string; name: string; endsOn?: string | Date | null }[], t: TFunction, locale: string) {
  const today = new Date().toISOString().slice(0, 10);
  return campaigns.map((c) => {
    const ended = c.endsOn && String(typeof c.endsOn === "string" ? c.endsOn : c.endsOn.toISOString()).slice(0, 10) < today;
    return { value: c.id, label: ended ? t("campaigns.endedOption", { name: c.name, day: formatDay(locale, c.endsOn!) }) : c.name };
  });
}
