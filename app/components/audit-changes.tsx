import { useTranslation } from "react-i18next";
import { isErased } from "~/shared/personal-data";

/** Bookkeeping fields that change with every write and mean nothing to a reader. */
const hiddenFields = new Set([
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "searchText",
  "websiteDomain",
  "totalFollowers",
  "handleKey",
  "source",
]);

function shown(value: unknown, erased = "—"): string {
  if (value === null || value === undefined || value === "") return "—";
  if (isErased(value)) return erased;
  if (Array.isArray(value)) return value.map((item) => shown(item, erased)).join(", ") || "—";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function fieldsOf(value: unknown): Record<string, unknown> {
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** What an audit event changed, field by field, in words: "Stage: contacted → active". */
export function AuditChanges({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const old = fieldsOf(before);
  const now = fieldsOf(after);
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])].filter(
    (key) => !hiddenFields.has(key) && shown(old[key]) !== shown(now[key]),
  );
  if (keys.length === 0) return null;
  return (
    <ul className="m-0 mt-1 list-none p-0 text-sm">
      {keys.slice(0, 12).map((key) => (
        <li key={key} className="break-words">
          <span className="text-ink-muted">{t(`audit.fields.${key}` as "audit.fields.stage", { defaultValue: key })}:</span>{" "}
          {key in old ? (
            <>
              <del className="text-ink-muted">{shown(old[key], t("privacy.erasedValue"))}</del> →{" "}
            </>
          ) : null}
          <span>{shown(now[key], t("privacy.erasedValue"))}</span>
        </li>
      ))}
    </ul>
  );
}
