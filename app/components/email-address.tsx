import { Fragment } from "react";

/**
 * An e-mail address as a link, that wraps after the "@" and before each dot of the domain rather
 * than mid-word when its column is narrow.
 */
export function EmailAddress({ email }: { email: string }) {
  const at = email.lastIndexOf("@");
  const local = at > 0 ? email.slice(0, at + 1) : email;
  const domainParts = at > 0 ? email.slice(at + 1).split(/(?=\.)/) : [];
  return (
    <a href={`mailto:${email}`}>
      {local}
      {domainParts.map((part, index) => (
        <Fragment key={index}>
          <wbr />
          {part}
        </Fragment>
      ))}
    </a>
  );
}
