import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useMailPageStrings } from "~/features/mail";
import { PageHeader } from "~/components/page";
import { getMailMessage } from "~/features/mail/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatBytes, formatDateTime } from "~/shared/format";
import { forbidden, notFound, recordIdParam } from "~/utils/http.server";
import { can } from "~/shared/permissions";

/** One message as kept: whoever reads the outreach log reads a logged message; triage needs outreach rights. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "partners:read");
  const message = await getMailMessage(recordIdParam(params.messageId));
  if (!message) notFound();
  if (message.status !== "logged" && !can(user.role, "outreach:write")) forbidden();
  return json({ message });
}

export default function MailMessagePage() {
  useMailPageStrings();
  const { t, i18n } = useTranslation();
  const { message } = useLoaderData<typeof loader>();
  const headers = message.headers as [string, string][];
  return (
    <>
      <PageHeader title={message.subject ?? t("outreach.noSubject")}>
        <span className="badge">{t(`mail.statuses.${message.status}`)}</span>
      </PageHeader>
      <div className="stack">
        <section className="card" aria-labelledby="message-text">
          <h2 id="message-text">{t("mail.text")}</h2>
          <dl className="details">
            <div>
              <dt>{t("common.from")}</dt>
              <dd>{message.fromName ? `${message.fromName} <${message.fromAddress}>` : message.fromAddress}</dd>
            </div>
            <div>
              <dt>{t("common.to")}</dt>
              <dd>{message.toAddresses.join(", ") || "—"}</dd>
            </div>
            {message.ccAddresses.length ? (
              <div>
                <dt>{t("mail.cc")}</dt>
                <dd>{message.ccAddresses.join(", ")}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t("mail.date")}</dt>
              <dd>{formatDateTime(i18n.language, message.sentAt)}</dd>
            </div>
            <div>
              <dt>{t("mail.partners")}</dt>
              <dd>
                {message.interactions.length
                  ? message.interactions.map((entry, index) => (
                      <span key={entry.partnerId}>
                        {index ? ", " : ""}
                        <Link to={`/partners/${entry.partnerId}/outreach`}>{entry.partner.name}</Link>
                      </span>
                    ))
                  : "—"}
              </dd>
            </div>
          </dl>
          {message.erasedAt ? <p className="notice">{t("mail.erased")}</p> : <div className="mail-body">{message.bodyText}</div>}
          {message.attachments.length ? (
            <>
              <h3>{t("mail.attachments")}</h3>
              <ul className="plain-list">
                {message.attachments.map((attachment) => (
                  <li key={attachment.id}>
                    {attachment.kept ? (
                      <a href={`/mail/attachments/${attachment.id}`}>{attachment.filename ?? t("mail.unnamed")}</a>
                    ) : (
                      <span>{attachment.filename ?? t("mail.unnamed")}</span>
                    )}{" "}
                    <span className="muted">
                      {attachment.contentType} · {formatBytes(i18n.language, attachment.sizeBytes)}
                      {attachment.kept ? "" : ` · ${t("mail.notKept")}`}
                    </span>
                    <br />
                    <code className="hash">SHA-256 {attachment.sha256}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
        <section className="card" aria-labelledby="message-headers">
          <h2 id="message-headers">{t("mail.headers")}</h2>
          <p className="muted">
            {t("mail.original", { size: formatBytes(i18n.language, message.sizeBytes) })}
            <br />
            <code className="hash">SHA-256 {message.rawSha256}</code>
          </p>
          <dl className="mail-headers">
            {headers.map(([name, value], index) => (
              <div key={index}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </>
  );
}
