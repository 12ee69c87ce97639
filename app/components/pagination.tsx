import { Link } from "@remix-run/react";
import { useSearchHref } from "./use-search-href";
import { useTranslation } from "react-i18next";
import { formatNumber } from "~/shared/format";

export function Pagination({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(i18n.language, value);
  const href = useSearchHref();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const hrefFor = (target: number) => href({ page: String(target) });
  return (
    <nav className="pagination" aria-label={t("common.pagination")}>
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          {t("common.previous")}
        </Link>
      ) : (
        <span aria-disabled="true">{t("common.previous")}</span>
      )}
      <span>{t("common.pageOf", { page: n(page), pages: n(pages), total: n(total) })}</span>
      {page < pages ? (
        <Link to={hrefFor(page + 1)} rel="next">
          {t("common.next")}
        </Link>
      ) : (
        <span aria-disabled="true">{t("common.next")}</span>
      )}
    </nav>
  );
}
