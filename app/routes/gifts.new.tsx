import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { CheckboxField, FieldErrors, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { OverBudgetNotice } from "~/components/money";
import { campaignOptions } from "~/components/filter-select";
import { PageHeader } from "~/components/page";
import { isDoNotContact, PartnerSearch, StageBadge } from "~/features/partners";
import { useServerForm } from "~/components/use-server-form";
import { fromMinorUnits } from "~/shared/money";
import { GiftBatchFormSchema } from "~/features/spend";
import { campaignChoices, createGifts, productChoices } from "~/features/spend/index.server";
import { partnersByIds, searchPartnerChoices } from "~/features/partners/index.server";
import { getSettings, requirePermission } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { formatMoney } from "~/shared/format";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "gifts:write");
  const params = new URL(request.url).searchParams;
  // "ids" comes from the partner list's selection, "partnerId" from links and the recipient search.
  const chosenIds = [...new Set([...params.getAll("partnerId"), ...params.getAll("ids")])].slice(0, 500);
  const q = (params.get("q") ?? "").trim().slice(0, 200);
  const [chosen, found, products, campaigns, settings] = await Promise.all([
    partnersByIds(chosenIds),
    searchPartnerChoices(q, chosenIds),
    productChoices(),
    campaignChoices(),
    getSettings(),
  ]);
  return json({
    chosen,
    found,
    q,
    products,
    campaigns,
    currency: settings.reportingCurrency,
    thresholdMinor: settings.writtenAgreementMinor,
    campaignId: params.get("campaignId") ?? "",
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "gifts:write");
  return handleForm(await request.formData(), GiftBatchFormSchema, async (input) => {
    const { gifts, needsAgreement } = await createGifts(user.id, input);
    const target = gifts.length === 1 ? `/gifts/${gifts[0].id}` : `/gifts?batch=${gifts[0].batchId}`;
    return redirectWithToast(
      target,
      needsAgreement
        ? { kind: "info", message: "gifts.agreementNeededToast" }
        : { kind: "success", message: "gifts.created", values: { count: gifts.length } },
    );
  });
}

export default function NewGift() {
  const { t, i18n } = useTranslation();
  const { chosen, found, q, products, campaigns, currency, thresholdMinor, campaignId } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("giftBatch", {
    lastResult: actionData?.result,
    defaultValue: { quantity: "1", currency, status: "planned", campaignId },
  });
  const chosenIds = chosen.map((p) => p.id);
  return (
    <>
      <PageHeader title={chosen.length > 1 ? t("gifts.newBatch", { count: chosen.length }) : t("gifts.new")} />
      <section className="card" aria-labelledby="recipients-title">
        <h2 id="recipients-title">{t("gifts.recipients")}</h2>
        <PartnerSearch
          q={q}
          found={found}
          keep={[
            ...chosenIds.map((id): [string, string] => ["partnerId", id]),
            ...(campaignId ? [["campaignId", campaignId] as [string, string]] : []),
          ]}
          pickLabel={(name) => t("gifts.addRecipient", { name })}
        />
      </section>
      <section className="card">
        <ConformForm form={form}>
          {actionData?.overBudget ? <OverBudgetNotice check={actionData.overBudget} /> : null}
          <fieldset>
            <legend>{t("gifts.recipients")}</legend>
            {chosen.length ? (
              <ul className="plain-list">
                {chosen.map((p) => {
                  // A do-not-contact partner stays listed, so the selection is explained, but cannot be ticked.
                  const refused = isDoNotContact(p.stage);
                  return (
                    <li key={p.id} className="field-checkbox">
                      <input
                        type="checkbox"
                        id={`recipient-${p.id}`}
                        name="partnerIds"
                        value={p.id}
                        defaultChecked={!refused}
                        disabled={refused}
                        aria-describedby={refused ? `recipient-${p.id}-note` : undefined}
                      />
                      <label htmlFor={`recipient-${p.id}`}>
                        {p.name} <StageBadge stage={p.stage} />
                      </label>
                      {refused ? (
                        <span id={`recipient-${p.id}-note`} className="hint m-0">
                          {t("gifts.cannotReceive")}
                        </span>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            ) : (
              <p className="muted">{t("gifts.noRecipients")}</p>
            )}
            <FieldErrors id={fields.partnerIds.errorId} errors={fields.partnerIds.errors} />
          </fieldset>
          <div className="form-grid">
            <SelectField
              field={fields.productId}
              label={t("gifts.product")}
              options={[
                { value: "", label: t("gifts.freeTextItem") },
                ...products.map((p) => ({
                  value: p.id,
                  label: `${p.name}${p.sku ? ` (${p.sku})` : ""} · ${formatMoney(i18n.language, p.unitCostMinor, p.currency)}`,
                })),
              ]}
            />
            <TextField field={fields.itemName} label={t("gifts.itemName")} hint={t("gifts.itemNameHint")} />
            <TextField field={fields.quantity} label={t("gifts.quantity")} inputMode="numeric" />
            <TextField field={fields.unitValue} label={t("gifts.unitValue")} inputMode="decimal" hint={t("gifts.unitValueHint")} />
            <TextField field={fields.shipping} label={t("gifts.shipping")} inputMode="decimal" />
            <TextField field={fields.currency} label={t("money.currency")} hint={t("money.currencyHint")} />
            <SelectField
              field={fields.campaignId}
              label={t("campaigns.campaign")}
              options={[{ value: "", label: t("campaigns.none") }, ...campaignOptions(campaigns, t, i18n.language)]}
            />
            <SelectField
              field={fields.status}
              label={t("common.status")}
              options={(["planned", "shipped", "delivered"] as const).map((s) => ({ value: s, label: t(`giftStatuses.${s}`) }))}
            />
            <TextField field={fields.carrier} label={t("gifts.carrier")} />
            <TextField field={fields.trackingNumber} label={t("gifts.trackingNumber")} />
            <TextField field={fields.shippedOn} label={t("gifts.shippedOn")} type="date" />
            <TextField field={fields.deliveredOn} label={t("gifts.deliveredOn")} type="date" />
          </div>
          <CheckboxField field={fields.requestedByPartner} label={t("gifts.requestedByPartner")} />
          <TextAreaField field={fields.expectedReturn} label={t("gifts.expectedReturn")} hint={t("gifts.expectedReturnHint")} rows={2} />
          <TextField
            field={fields.agreementRef}
            label={t("gifts.agreementRef")}
            hint={t("gifts.agreementHint", {
              threshold: formatMoney(i18n.language, thresholdMinor, currency),
              amount: fromMinorUnits(thresholdMinor, currency),
            })}
          />
          <div className="form-actions">
            <SubmitButton busy={navigation.state !== "idle"}>
              {chosen.length > 1 ? t("gifts.sendBatch", { count: chosen.length }) : t("gifts.save")}
            </SubmitButton>
            <Link to="/gifts" className="button button-quiet">
              {t("common.cancel")}
            </Link>
          </div>
        </ConformForm>
      </section>
    </>
  );
}
