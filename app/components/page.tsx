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
