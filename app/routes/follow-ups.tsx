import { json, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { EmptyState, PageHeader } from "~/components/page";
import { StageBadge } from "~/features/partners";
import { myFollowUps, myRepliedFollowUps, UPCOMING_DAYS } from "~/features/outreach/index.server";
import { requirePermission } from "~/features/accounts/index.server";
import { formatDay } from "~/shared/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, "outreach:write");
  const [followUps, replied] = await Promise.all([myFollowUps(user.id), myRepliedFollowUps(user.id)]);
  return json({ ...followUps, replied, upcomingDays: UPCOMING_DAYS });
}

type Tasks = ReturnType<typeof useLoaderData<typeof loader>>["overdue"];

function TaskList({ tasks }: { tasks: Tasks }) {
  const { i18n } = useTranslation();
  return (
    <ul className="plain-list">
      {tasks.map((task) => (
        <li key={task.id}>
          <span>
            <strong>{formatDay(i18n.language, task.dueOn)}</strong> · {task.title} ·{" "}
            <Link to={`/partners/${task.partner.id}/outreach`}>{task.partner.name}</Link> <StageBadge stage={task.partner.stage} />
          </span>
        </li>
      ))}
    </ul>
  );
}

export default function MyFollowUps() {
  const { t } = useTranslation();
  const { overdue, upcoming, replied, upcomingDays } = useLoaderData<typeof loader>();
  const days = String(upcomingDays);
  return (
    <>
      <PageHeader title={t("tasks.mine")} />
      <section className="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t("tasks.overdue")}</h2>
        {overdue.length ? <TaskList tasks={overdue} /> : <EmptyState>{t("tasks.nothingOverdue")}</EmptyState>}
      </section>
      <section className="card" aria-labelledby="upcoming-title">
        <h2 id="upcoming-title">{t("tasks.upcoming", { days })}</h2>
        {upcoming.length ? <TaskList tasks={upcoming} /> : <EmptyState>{t("tasks.nothingUpcoming", { days })}</EmptyState>}
      </section>
      {replied.length ? (
        <section className="card" aria-labelledby="replied-title">
          <h2 id="replied-title">{t("dashboard.repliedTitle")}</h2>
          <p className="hint">{t("tasks.repliedHint")}</p>
          <TaskList tasks={replied} />
        </section>
      ) : null}
    </>
  );
}
