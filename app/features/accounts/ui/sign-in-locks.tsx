import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber } from "~/shared/format";

export interface SignInLockRow {
  email: string | null;
  ipAddress: string;
  failures: number;
  until: string;
}

/** Sign-in attempts being held back, each with a button for an admin to clear it; nothing when there are none. */
export function SignInLocks({ locks }: { locks: SignInLockRow[] }) {
  const { t, i18n } = useTranslation();
  if (!locks.length) return null;
  return (
    <section className="card" aria-labelledby="sign-in-locks">
      <h2 id="sign-in-locks">{t("users.signInLocks")}</h2>
      <p className="muted">{t("users.signInLocksIntro")}</p>
      <div className="table-wrap" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("fields.email")}</th>
              <th scope="col">{t("users.address")}</th>
              <th scope="col" className="numeric">
                {t("users.failures")}
              </th>
              <th scope="col">{t("users.heldBackUntil")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {locks.map((lock) => (
              <tr key={`${lock.email}|${lock.ipAddress}`}>
                <td>{lock.email ?? t("users.everyAccount")}</td>
                <td>{lock.ipAddress}</td>
                <td className="numeric">{formatNumber(i18n.language, lock.failures)}</td>
                <td>{formatDateTime(i18n.language, lock.until)}</td>
                <td>
                  <Form method="post">
                    <input type="hidden" name="intent" value="clearSignInLock" />
                    <input type="hidden" name="email" value={lock.email ?? ""} />
                    <input type="hidden" name="ipAddress" value={lock.ipAddress} />
                    <button type="submit" className="button button-quiet button-small">
                      {t("users.clearLock")}
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
