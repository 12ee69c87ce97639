import type { ReactNode } from "react";
import { EmptyState } from "./page";

/**
 * A card that lists records in a table: its heading and intro, the table (scrollable on its own,
 * captioned by the heading for screen readers) or, with no rows, the empty state; then what
 * follows the list (a form to add one).
 */
export function TableCard({
  id,
  title,
  intro,
  empty,
  head,
  rows,
  children,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  /** Shown instead of the table when there are no rows; null: the table is shown. */
  empty: ReactNode | null;
  head: ReactNode;
  rows: ReactNode;
  children?: ReactNode;
}) {
  return (
    <section className="card" id={id} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <p className="hint">{intro}</p>
      {empty !== null ? (
        <EmptyState>{empty}</EmptyState>
      ) : (
        <div className="table-wrap" tabIndex={0}>
          <table>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>{head}</tr>
            </thead>
            <tbody>{rows}</tbody>
          </table>
        </div>
      )}
      {children}
    </section>
  );
}
