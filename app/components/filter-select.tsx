import { useTranslation } from "react-i18next";

/** A list filter: a labelled select whose first choice, "All", means no filter. */
export function FilterSelect({
  id,
  name,
  label,
  value,
  options,
  emptyLabel,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  /** The first choice's label; "All" unless told otherwise. */
  emptyLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">{emptyLabel ?? t("common.all")}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function campaignOptions(campaigns: { id: string; name: string }[]) {
  return campaigns.map((c) => ({ value: c.id, label: c.name }));
}
