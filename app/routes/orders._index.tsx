import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useOutsidePageStrings } from "~/features/attribution";
import { EmptyState, PageHeader } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { PageParamSchema, RecordIdSchema } from "~/shared/rules";
import { PeriodSchema as OrderPeriodSchema } from "~/features/spend";
import { listOrders, ORDERS_PAGE_SIZE } from "~/features/attribution/index.server";
import { partnerHeading } from "~/features/partners/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDay, formatMoney } from "~/shared/format";
import { can } from "~/shared/permissions";

/** Shop orders: one partner's (the cost-benefit panel links here), those that matched nobody, or all. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "reports:read");
  const url = new URL(request.url);
  const page = PageParamSchema.parse(url.searchParams.get("page") ?? undefined);
  const partnerId = RecordIdSchema.safeParse(url.searchParams.get("partnerId"));
  const unmatched = url.searchParams.get("unmatched") === "1";
  const period = OrderPeriodSchema.safeParse({
    from: url.searchParams.get("from") ?? undefined,
    to: url.searchParams.get("to") ?? undefined,
  });
  if (!period.success) throw json({ message: "errors.invalidDate" }, { status: 400 });
  const partner = partnerId.success ? await partnerHeading(partnerId.data) : null;
  const found = await listOrders({ partnerId: partner?.id, unmatched, ...period.data }, page);
  return json({
    ...found,
    page,
    pageSize: ORDERS_PAGE_SIZE,
    partner,
    unmatched,
    period: period.data,
    canImport: can(user.role, "campaigns:write"),
  });
}

export default function OrdersPage() {
  useOutsidePageStrings();
  const { t, i18n } = useTranslation();
  const { orders, total, page, pageSize, partner, unmatched, period, canImport } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeader
        title={partner ? t("orders.titleFor", { partner: partner.name }) : unmatched ? t("orders.unmatchedTitle") : t("orders.title")}
      >
        {canImport ? (
          <Link to="/orders/import" className="button button-quiet">
            {t("orderImport.title")}
          </Link>
        ) : null}
      </PageHeader>
      <nav className="tabs" aria-label={t("orders.title")}>
        <Link to="/orders" aria-current={!partner && !unmatched ? "page" : undefined}>
          {t("orders.all")}
        </Link>
        <Link to="/orders?unmatched=1" aria-current={unmatched ? "page" : undefined}>
          {t("orders.unmatched")}
        </Link>
      </nav>
      {period.from || period.to ? (
        <p className="hint" data-testid="orders-period">
          {t("orders.period", {
            from: period.from ? formatDay(i18n.language, period.from) : "…",
            to: period.to ? formatDay(i18n.language, period.to) : "…",
            count: total,
          })}{" "}
          ·{" "}
          <Link to={partner ? `/orders?partnerId=${partner.id}` : unmatched ? "/orders?unmatched=1" : "/orders"}>
            {t("orders.allDates")}
          </Link>
        </p>
      ) : null}
      <section className="card" aria-labelledby="orders-title">
        <h2 id="orders-title" className="visually-hidden">
          {t("orders.title")}
        </h2>
        {orders.length === 0 ? (
          <EmptyState>{t("orders.none")}</EmptyState>
        ) : (
          <div className="table-wrap" tabIndex={0}>
            <table className="phone-cards">
              <caption className="visually-hidden">{t("orders.title")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("orders.date")}</th>
                  <th scope="col">{t("orders.shopOrder")}</th>
                  <th scope="col" className="numeric">
                    {t("orders.total")}
                  </th>
                  <th scope="col" className="numeric">
                    {t("orders.refunded")}
                  </th>
                  <th scope="col">{t("orders.codes")}</th>
                  <th scope="col">{t("orders.partner")}</th>
                  <th scope="col">{t("orders.how")}</th>
                </tr>
              </thead>
              <tbody>
                {orders.map((order) => {
                  const refunded = order.adjustments.reduce((sum, a) => sum + a.amountMinor, 0);
                  return (
                    <tr key={order.id}>
                      <td data-label={t("orders.date")}>{formatDay(i18n.language, order.orderedAt)}</td>
                      <td className="card-title">
                        {order.shop.name} #{order.externalId}
                      </td>
                      <td className="numeric card-first" data-label={t("orders.total")}>
                        {formatMoney(i18n.language, order.totalMinor, order.currency)}
                      </td>
                      <td className="numeric" data-label={t("orders.refunded")}>
                        {refunded ? formatMoney(i18n.language, -refunded, order.currency) : "—"}
                      </td>
                      <td data-label={t("orders.codes")}>{order.discountCodes.join(", ") || "—"}</td>
                      <td className="card-first" data-label={t("orders.partner")}>
                        {order.partner ? (
                          <Link to={`/partners/${order.partner.id}/cost-benefit`}>{order.partner.name}</Link>
                        ) : (
                          t("orders.nobody")
                        )}
                      </td>
                      <td data-label={t("orders.how")}>
                        {order.attributedBy ? t(`orders.by.${order.attributedBy as "code"}`, { value: order.attributedTo ?? "" }) : "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <Pagination page={page} pageSize={pageSize} total={total} />
    </>
  );
}
