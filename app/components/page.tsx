import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

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
export function StatTile({ label, value, note, to, tone }: { label: string; value: ReactNode; note?: ReactNode; to?: string; tone?: "bad" | "good" }) {
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
