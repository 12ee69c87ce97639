import { Link } from "@remix-run/react";
import { useEffect, useRef, type ReactNode } from "react";

export function PageHeader({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <header className="page-header">
      <h1>{title}</h1>
      {children ? <div className="page-header-actions">{children}</div> : null}
    </header>
  );
}

export function EmptyState({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      {title ? <h2>{title}</h2> : null}
      <p>{children}</p>
    </section>
  );
}

/** One figure with its label, and where it leads: the dashboard's "what needs me today". */
export function StatTile({
  label,
  value,
  note,
  to,
  tone,
}: {
  label: string;
  value: ReactNode;
  note?: ReactNode;
  to?: string;
  tone?: "bad" | "good";
}) {
  const body = (
    <>
      <span className="stat-tile-label">{label}</span>
      <span className={`stat-tile-value block${tone === "bad" ? " text-bad" : tone === "good" ? " text-good" : ""}`}>{value}</span>
      {note ? <span className="stat-tile-note block">{note}</span> : null}
    </>
  );
  return to ? (
    <Link to={to} className="stat-tile block">
      {body}
    </Link>
  ) : (
    <div className="stat-tile">{body}</div>
  );
}

/**
 * Open everywhere but on a phone, where it folds behind its summary once the page is interactive
 * (long filter forms otherwise fill the first screen). `keepOpen` when it holds something in use.
 */
export function PhoneCollapsible({ summary, keepOpen = false, children }: { summary: string; keepOpen?: boolean; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!keepOpen && window.matchMedia("(max-width: 48rem)").matches) details.current?.removeAttribute("open");
  }, [keepOpen]);
  return (
    <details ref={details} open className="phone-collapsible">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
