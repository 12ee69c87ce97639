import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { type GiftValuationBasis, giftValueMinor, outstandingMinor } from "~/shared/money";
import { formatDay } from "~/shared/format";
import { MissingRatesNotice, Money, SpendStatusBadge, type MissingRateView } from "~/components/money";

interface Totals {
  currency: string;
  basis: GiftValuationBasis;
  total: { giftsMinor: number; placementsMinor: number; paidMinor: number };
  missingRates: MissingRateView[];
}

interface GiftRow {
  id: string;
  itemName: string;
  quantity: number;
  unitCostMinor: number;
  unitRetailMinor: number | null;
  shippingMinor: number;
  currency: string;
  status: string;
  shippedOn: string | null;
}

interface PlacementRow {
  id: string;
  title: string;
  feeMinor: number;
  currency: string;
  status: string;
  agreedOn: string;
  campaign: { id: string; name: string } | null;
  payments: { amountMinor: number }[];
}

/** The partner page's gifts and placements, with all-time totals in the reporting currency. */
export function PartnerSpendPanels({
  partnerId,
  totals,
  gifts,
  placements,
  canGift,
  canPropose,
}: {
  partnerId: string;
  totals: Totals;
  gifts: GiftRow[];
  placements: PlacementRow[];
  canGift: boolean;
  canPropose: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { currency } = totals;
  return (
    <>
      <section className="card" aria-labelledby="partner-gifts">
        <h2 id="partner-gifts">{t("gifts.title")}</h2>
        <p>
          {t("spend.cost")}:{" "}
          <strong>
            <Money minor={totals.total.giftsMinor} currency={currency} />
          </strong>{" "}
          <span className="muted">({t(`money.basis.${totals.basis}`)})</span>
        </p>
        {gifts.length ? (
          <ul className="plain-list">
            {gifts.map((g) => (
              <li key={g.id}>
                <span className="min-w-0">
                  <Link to={`/gifts/${g.id}`}>
                    {g.quantity} × {g.itemName}
                  </Link>{" "}
                  <SpendStatusBadge kind="gift" status={g.status} />
                  {g.shippedOn ? <span className="hint block">{formatDay(i18n.language, g.shippedOn)}</span> : null}
                </span>
                <Money minor={giftValueMinor(g, totals.basis)} currency={g.currency} />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("gifts.emptyTitle")}</p>
        )}
        <p>
          {canGift ? <Link to={`/gifts/new?partnerId=${partnerId}`}>{t("gifts.new")}</Link> : null}{" "}
          {gifts.length ? <Link to={`/gifts?partnerId=${partnerId}`}>{t("partners.seeAll")}</Link> : null}
        </p>
      </section>
      <section className="card" aria-labelledby="partner-placements">
        <h2 id="partner-placements">{t("placements.title")}</h2>
        <p>
          {t("campaigns.committed")}:{" "}
          <strong>
            <Money minor={totals.total.placementsMinor} currency={currency} />
          </strong>{" "}
          · {t("placements.paid")}: <Money minor={totals.total.paidMinor} currency={currency} />
        </p>
        {placements.length ? (
          <ul className="plain-list">
            {placements.map((p) => {
              return (
                <li key={p.id}>
                  <span className="min-w-0">
                    <Link to={`/placements/${p.id}`}>{p.title}</Link> <SpendStatusBadge kind="placement" status={p.status} />
                    <span className="hint block">
                      {/* Two placements of the same title are told apart by their day and campaign. */}
                      {formatDay(i18n.language, p.agreedOn)}
                      {p.campaign ? ` · ${p.campaign.name}` : ""} · {t("placements.outstanding")}{" "}
                      <Money
                        minor={outstandingMinor(
                          p.feeMinor,
                          p.payments.map((payment) => payment.amountMinor),
                        )}
                        currency={p.currency}
                      />
                    </span>
                  </span>
                  <Money minor={p.feeMinor} currency={p.currency} />
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="muted">{t("placements.emptyTitle")}</p>
        )}
        <p>
          {canPropose ? <Link to={`/placements/new?partnerId=${partnerId}`}>{t("placements.new")}</Link> : null}{" "}
          {placements.length ? <Link to={`/placements?partnerId=${partnerId}`}>{t("partners.seeAll")}</Link> : null}
        </p>
        <MissingRatesNotice missing={totals.missingRates} currency={currency} />
      </section>
    </>
  );
}
