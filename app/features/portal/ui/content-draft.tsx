import { useActionData, useNavigation } from "@remix-run/react";
import { useCallback, useState } from "react";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatDay } from "~/shared/format";
import { checkDraft, isPassing, type Advice, type DraftCheck, type RuleSet } from "~/features/compliance";
import { type DisclosurePlatform } from "~/shared/disclosure-terms";
import { platforms } from "~/features/partners";
import { acceptFor, uploadPurposes } from "~/shared/uploads";
import { ConformForm } from "~/components/conform-form";
import { CheckboxField, SelectField, SubmitButton, TextAreaField, TextField } from "~/components/form-fields";
import { useFormResult } from "~/components/use-form-result";
import { useServerForm } from "~/components/use-server-form";

export interface DraftTarget {
  value: string;
  name: string;
  /** The gift's shipping day or the collaboration's agreement day. */
  on: string;
  campaignName: string | null;
  kind: "gift" | "placement";
  jurisdictions: string[];
}

/** "Gift: Sérum éclat 30 ml, shipped 3 Nov 2026 · Noël 2026": every choice can be told apart. */
function targetLabel(t: TFunction, language: string, target: DraftTarget) {
  const label = t(`portal.content.targetOption.${target.kind}`, { name: target.name, date: formatDay(language, target.on) });
  return target.campaignName ? `${label} · ${target.campaignName}` : label;
}

/** One piece of advice, in the reader's language, saying what to write and where. */
export function AdviceItem({ advice }: { advice: Advice }) {
  const { t } = useTranslation();
  return (
    <li>
      <strong>{t(`jurisdictions.${advice.jurisdiction}`)}</strong>
      {" — "}
      {t(`portal.advice.${advice.key}`, {
        marker: advice.marker,
        found: advice.found ?? "",
        position: String(advice.position ?? 0),
        fold: String(advice.fold),
      })}
    </li>
  );
}

/** The checker's verdicts and advice for a draft, as a live region so screen readers hear changes. */
export function DraftCheckPanel({ checks, live = false }: { checks: DraftCheck[]; live?: boolean }) {
  const { t } = useTranslation();
  const passing = checks.every((check) => isPassing(check.verdict));
  const advice = checks.flatMap((check) => check.advice);
  return (
    <div
      className={passing ? "notice notice-success" : "notice notice-warning"}
      role={live ? "status" : undefined}
      aria-live={live ? "polite" : undefined}
      data-testid="draft-check"
    >
      <p className="m-0">
        <strong>{passing ? t("portal.content.checkPasses") : t("portal.content.checkFails")}</strong>{" "}
        {checks
          .map((check) =>
            t("verdictIn", {
              jurisdiction: t(`jurisdictionNames.${check.jurisdiction}` as "jurisdictionNames.FR"),
              verdict: t(`verdictsInSentence.${check.verdict}`),
            }),
          )
          .join(" · ")}
      </p>
      {advice.length ? (
        <ul className="m-0">
          {advice.map((item, index) => (
            <AdviceItem key={index} advice={item} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}

interface DraftValues {
  target: string;
  platform: string;
  text: string;
  platformLabel: boolean;
  imagesRetouched: boolean;
  imagesVirtual: boolean;
}

function valuesOf(form: HTMLFormElement, fixedTarget: string | undefined): DraftValues {
  const data = new FormData(form);
  return {
    target: fixedTarget ?? String(data.get("target") ?? ""),
    platform: String(data.get("platform") ?? ""),
    text: String(data.get("text") ?? ""),
    platformLabel: data.get("platformLabel") === "on",
    imagesRetouched: data.get("imagesRetouched") === "on",
    imagesVirtual: data.get("imagesVirtual") === "on",
  };
}

const acceptMedia = acceptFor("draft_media");

/**
 * A draft (first or new version). The disclosure checker runs in the browser as the partner types,
 * with the rule sets that would apply to the coverage; the server checks again on submit, and
 * without JavaScript that is the only check.
 */
export function ContentDraftForm({
  targets,
  ruleSets,
  fixedTarget,
  defaultValue,
  action,
}: {
  targets: DraftTarget[];
  ruleSets: Partial<Record<string, RuleSet>>;
  /** A new version keeps its submission's gift or placement. */
  fixedTarget?: string;
  defaultValue?: Partial<Record<"target" | "platform" | "text" | "plannedOn", string>>;
  action?: string;
}) {
  const { t, i18n } = useTranslation();
  const navigation = useNavigation();
  const formId = fixedTarget ? "content-version" : "content-draft";
  const actionData = useActionData<{ formId?: string; details?: DraftCheck[] | null }>();
  const serverChecks = actionData?.formId === formId && Array.isArray(actionData.details) ? actionData.details : null;
  const [form, fields] = useServerForm(fixedTarget ? "contentVersion" : "contentDraft", {
    id: formId,
    lastResult: useFormResult(formId),
    defaultValue,
  });
  const [liveChecks, setLiveChecks] = useState<DraftCheck[] | null>(null);
  const recheck = useCallback(
    (element: HTMLFormElement) => {
      const values = valuesOf(element, fixedTarget);
      const target = targets.find((candidate) => candidate.value === values.target);
      if (!target || !values.text.trim() || !values.platform) return setLiveChecks(null);
      const sets = target.jurisdictions.map((code) => ruleSets[code]).filter((set): set is RuleSet => set !== undefined);
      setLiveChecks(
        checkDraft(
          {
            platform: values.platform as DisclosurePlatform,
            text: values.text,
            paid: target.kind === "placement",
            gifted: target.kind === "gift",
            platformLabel: values.platformLabel,
            imagesRetouched: values.imagesRetouched,
            imagesVirtual: values.imagesVirtual,
          },
          sets,
        ),
      );
    },
    [fixedTarget, ruleSets, targets],
  );
  const checks = liveChecks ?? serverChecks;
  const failing = serverChecks !== null && !serverChecks.every((check) => isPassing(check.verdict));
  return (
    <ConformForm form={form} action={action} encType="multipart/form-data" onInput={recheck}>
      <input type="hidden" name="formId" value={formId} />
      <div className="form-grid">
        {fixedTarget ? null : (
          <SelectField
            field={fields.target as never}
            label={t("portal.content.target")}
            options={[
              { value: "", label: t("portal.content.chooseTarget") },
              ...targets.map((target) => ({ value: target.value, label: targetLabel(t, i18n.language, target) })),
            ]}
          />
        )}
        <SelectField
          field={fields.platform}
          label={t("coverage.platform")}
          options={[
            { value: "", label: t("common.chooseOne") },
            ...platforms.map((platform) => ({ value: platform, label: t(`platforms.${platform}`) })),
          ]}
        />
        <TextField field={fields.plannedOn} label={t("portal.content.plannedOn")} type="date" />
      </div>
      <TextAreaField field={fields.text} label={t("portal.content.text")} hint={t("portal.content.textHint")} rows={8} />
      {checks ? <DraftCheckPanel checks={checks} live={liveChecks !== null} /> : null}
      <CheckboxField field={fields.platformLabel} label={t("portal.content.platformLabel")} />
      <CheckboxField field={fields.imagesRetouched} label={t("portal.content.imagesRetouched")} />
      <CheckboxField field={fields.imagesVirtual} label={t("portal.content.imagesVirtual")} />
      <div className="field">
        <label htmlFor={`${formId}-media`}>{t("portal.content.media")}</label>
        <input id={`${formId}-media`} name="media" type="file" multiple accept={acceptMedia} aria-describedby={`${formId}-media-hint`} />
        <p id={`${formId}-media-hint`} className="hint">
          {t("portal.content.mediaHint", {
            files: String(uploadPurposes.draft_media.maxFiles),
            size: String(uploadPurposes.draft_media.maxBytes / 1024 / 1024),
          })}
        </p>
      </div>
      {failing ? <CheckboxField field={fields.submitAnyway} label={t("portal.content.submitAnyway")} /> : null}
      <SubmitButton busy={navigation.state === "submitting"}>{t("portal.content.submit")}</SubmitButton>
    </ConformForm>
  );
}
