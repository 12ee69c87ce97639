import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ConformForm } from "~/components/conform-form";
import { SubmitButton, TextField } from "~/components/form-fields";
import { EmptyState } from "~/components/page";
import { Pagination } from "~/components/pagination";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";
import { planRateImport, rateCsvColumns, ExchangeRateFormSchema, RateCsvSchema, RateListQuerySchema } from "~/features/spend";
import { RecordIdSchema } from "~/shared/rules";
import { parseCsv } from "~/shared/csv";
import { deleteRate, getSettings, listRates, saveRates, requirePermission } from "~/features/accounts/index.server";
import { handleForm } from "~/utils/forms.server";
import { formatDay } from "~/shared/format";
import { redirectWithToast } from "~/utils/session.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "settings:manage");
  const { page } = RateListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const [rates, settings] = await Promise.all([listRates(page), getSettings()]);
  return json({ ...rates, reportingCurrency: settings.reportingCurrency });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePermission(request, "settings:manage");
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "delete") {
    const id = RecordIdSchema.safeParse(formData.get("rateId"));
    if (!id.success) return json({ formId: "delete", result: undefined, errors: [] }, { status: 400 });
    await deleteRate(user.id, id.data);
    return redirectWithToast("/settings/rates", { kind: "success", message: "rates.deleted" });
  }
  if (intent === "csv") {
    const parsed = RateCsvSchema.safeParse(Object.fromEntries(formData));
    if (!parsed.success)
      return json(
        { formId: "csv", result: undefined, errors: [{ line: 0, column: "csv", messageKey: "errors.required" }] },
        { status: 400 },
      );
    const plan = planRateImport(parseCsv(parsed.data.csv));
    // All or nothing: a file with a bad line changes no rate.
    if (plan.errors.length) return json({ formId: "csv", result: undefined, errors: plan.errors.slice(0, 100) }, { status: 400 });
    const count = await saveRates(user.id, plan.rates);
    return redirectWithToast("/settings/rates", { kind: "success", message: "rates.imported", values: { count } });
  }
  return handleForm(formData, ExchangeRateFormSchema, async (input) => {
    await saveRates(user.id, [input]);
    return redirectWithToast("/settings/rates", { kind: "success", message: "rates.saved" });
  });
}

export default function ExchangeRates() {
  const { t, i18n } = useTranslation();
  const { rows, total, page, pageSize, reportingCurrency } = useLoaderData<typeof loader>();
  const actionData = useActionData<{
    formId?: string;
    errors?: { line: number; column: string | null; messageKey: string; value?: string }[];
  }>();
  const navigation = useNavigation();
  const [form, fields] = useServerForm("exchangeRate", {
    id: "rate",
    lastResult: useFormResult("rate"),
    defaultValue: { quoteCurrency: reportingCurrency, validOn: new Date().toISOString().slice(0, 10) },
  });
  return (
    <>
      <section className="card" aria-labelledby="rates-title">
        <h2 id="rates-title">{t("rates.title")}</h2>
        <p className="hint">{t("rates.explain", { currency: reportingCurrency })}</p>
        {rows.length ? (
          <>
            <div className="table-wrap" tabIndex={0}>
              <table>
                <caption className="visually-hidden">{t("rates.title")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("rates.validOn")}</th>
                    <th scope="col">{t("rates.pair")}</th>
                    <th scope="col" className="numeric">
                      {t("rates.rate")}
                    </th>
                    <th scope="col">{t("common.actions")}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>{formatDay(i18n.language, r.validOn)}</td>
                      <td>{t("rates.pairText", { base: r.baseCurrency, quote: r.quoteCurrency })}</td>
                      <td className="numeric">{r.rate}</td>
                      <td>
                        <Form
                          method="post"
                          onSubmit={(event) => {
                            if (!window.confirm(t("rates.confirmDelete"))) event.preventDefault();
                          }}
                        >
                          <input type="hidden" name="rateId" value={r.id} />
                          <button type="submit" name="intent" value="delete" className="button button-small button-quiet">
                            {t("common.delete")}
                          </button>
                        </Form>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pagination page={page} pageSize={pageSize} total={total} />
          </>
        ) : (
          <EmptyState>{t("rates.empty")}</EmptyState>
        )}
      </section>
      <section className="card" aria-labelledby="rate-new">
        <h2 id="rate-new">{t("rates.add")}</h2>
        <ConformForm form={form}>
          <input type="hidden" name="formId" value="rate" />
          <div className="form-grid">
            <TextField field={fields.baseCurrency} label={t("rates.baseCurrency")} />
            <TextField field={fields.quoteCurrency} label={t("rates.quoteCurrency")} />
            <TextField field={fields.rate} label={t("rates.rate")} inputMode="decimal" hint={t("rates.rateHint")} />
            <TextField field={fields.validOn} label={t("rates.validOn")} type="date" />
          </div>
          <SubmitButton busy={navigation.state !== "idle"}>{t("common.save")}</SubmitButton>
        </ConformForm>
      </section>
      <section className="card" aria-labelledby="rate-csv">
        <h2 id="rate-csv">{t("rates.csvTitle")}</h2>
        <Form method="post">
          <input type="hidden" name="intent" value="csv" />
          <div className="field">
            <label htmlFor="rates-csv">{t("rates.csvLabel")}</label>
            <textarea id="rates-csv" name="csv" rows={6} required aria-describedby="rates-csv-hint" />
            <p id="rates-csv-hint" className="hint">
              {t("import.columns")}: <code>{rateCsvColumns.join(", ")}</code>
            </p>
          </div>
          {actionData?.formId === "csv" && actionData.errors?.length ? (
            <ul className="form-errors" role="alert">
              {actionData.errors.map((e) => (
                <li key={`${e.line}-${e.column}`}>
                  {t("import.errorAt", { line: String(e.line), column: e.column ?? "" })} {t(e.messageKey as "errors.required")}
                </li>
              ))}
            </ul>
          ) : null}
          <SubmitButton busy={navigation.state !== "idle"}>{t("rates.importCsv")}</SubmitButton>
        </Form>
      </section>
    </>
  );
}
