import { useTranslation } from "react-i18next";
import { highlightSegments } from "../coverage-terms";
import type { FoundMarker } from "../disclosure/check";

const verdictTone: Record<string, string> = {
  compliant: "badge-ok",
  not_required: "badge-muted",
  insufficient: "badge-warn",
  missing: "badge-danger",
};

export function VerdictBadge({ verdict }: { verdict: string }) {
  const { t } = useTranslation();
  return <span className={`badge ${verdictTone[verdict] ?? "badge-muted"}`}>{t(`verdicts.${verdict}` as "verdicts.missing")}</span>;
}

/** A check's reasons, each as a sentence (the code stays visible for compliance staff). */
export function ReasonList({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="reason-list">
      {reasons.map((reason) => (
        <li key={reason}>
          <strong>{t(`reasons.${reason}.title` as "reasons.NO_DISCLOSURE.title")}</strong>
          <br />
          {t(`reasons.${reason}.explain` as "reasons.NO_DISCLOSURE.explain")}
        </li>
      ))}
    </ul>
  );
}

type Marker = Pick<FoundMarker, "index" | "length" | "kind" | "prominent" | "afterFold" | "buried">;

/** The text with its markers marked up; what each mark means is said in words too, not only by colour. */
export function HighlightedText({
  text,
  markers,
  id,
  showLegend = true,
}: {
  text: string;
  markers: readonly Marker[];
  id: string;
  /** A second text on the same page shares the first one's legend. */
  showLegend?: boolean;
}) {
  const { t } = useTranslation();
  const segments = highlightSegments(text, markers);
  return (
    <>
      {showLegend ? (
        <p className="hint" id={`${id}-legend`}>
          <mark className="marker marker-accepted">{t("disclosure.legendAccepted")}</mark>{" "}
          <mark className="marker marker-weak">{t("disclosure.legendWeak")}</mark>{" "}
          <mark className="marker marker-accepted marker-hidden">{t("disclosure.legendHidden")}</mark>
        </p>
      ) : null}
      <div id={id} className="coverage-text" dir="auto" aria-describedby={showLegend ? `${id}-legend` : undefined}>
        {segments.map((segment, i) =>
          segment.marker ? (
            <mark
              key={i}
              className={`marker marker-${segment.marker.kind}${segment.marker.prominent ? "" : " marker-hidden"}`}
              title={markerTitle(t, segment.marker)}
            >
              {segment.text}
              <span className="visually-hidden"> ({markerTitle(t, segment.marker)})</span>
            </mark>
          ) : (
            <span key={i}>{segment.text}</span>
          ),
        )}
      </div>
    </>
  );
}

function markerTitle(
  t: (key: "disclosure.acceptedMarker" | "disclosure.weakMarker" | "disclosure.afterFold" | "disclosure.buried") => string,
  marker: Omit<Marker, "index" | "length">,
) {
  const parts = [marker.kind === "accepted" ? t("disclosure.acceptedMarker") : t("disclosure.weakMarker")];
  if (marker.afterFold) parts.push(t("disclosure.afterFold"));
  if (marker.buried) parts.push(t("disclosure.buried"));
  return parts.join(", ");
}
