import { Prisma } from "~/generated/prisma/client";
import { todayUtc, utcDay } from "~/shared/days";
import { RuleViolation } from "~/shared/violations";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";

/**
 * A follow-up is overdue when it is open, its day has passed, and the partner has not written back
 * since it was set (a reply moves it to "replied", where someone answers it instead of chasing).
 */
export function overdueTaskWhere(today: Date) {
  return { completedAt: null, repliedAt: null, dueOn: { lt: today } } satisfies Prisma.TaskWhereInput;
}

/** The same rule in SQL, for a query that names the task table `task`. */
export function overdueTaskSql(task: Prisma.Sql, today: Date) {
  return Prisma.sql`${task}."completedAt" IS NULL AND ${task}."repliedAt" IS NULL AND ${task}."dueOn" < ${today}`;
}

export async function createTask(actorId: string, partnerId: string, input: { title: string; dueOn: string; assigneeId: string }) {
  return db().$transaction(async (tx) => {
    const [partner, assignee] = await Promise.all([
      tx.partner.findUnique({ where: { id: partnerId }, select: { id: true } }),
      tx.user.findFirst({ where: { id: input.assigneeId, disabledAt: null }, select: { id: true } }),
    ]);
    if (!partner) throw new RuleViolation("errors.notFound", 404);
    if (!assignee) throw new RuleViolation("errors.unknownOwner", 422);
    const task = await tx.task.create({
      data: { partnerId, title: input.title, dueOn: utcDay(input.dueOn), assigneeId: input.assigneeId, createdById: actorId },
    });
    await recordAudit(tx, { actorId, action: "task.create", entityType: "Task", entityId: task.id, after: task });
    return task;
  });
}

/** `partnerId` scopes the task to the page it was acted on from. */
export async function setTaskDone(actorId: string, partnerId: string, taskId: string, done: boolean) {
  return db().$transaction(async (tx) => {
    const before = await tx.task.findFirst({ where: { id: taskId, partnerId }, select: { partnerId: true, completedAt: true } });
    if (!before) throw new RuleViolation("errors.notFound", 404);
    const completedAt = done ? (before.completedAt ?? new Date()) : null;
    await tx.task.update({ where: { id: taskId }, data: { completedAt } });
    await recordAudit(tx, {
      actorId,
      action: done ? "task.complete" : "task.reopen",
      entityType: "Task",
      entityId: taskId,
      before: { completedAt: before.completedAt },
      after: { completedAt },
    });
    return before.partnerId;
  });
}

const taskFields = {
  id: true,
  title: true,
  dueOn: true,
  completedAt: true,
  repliedAt: true,
  partner: { select: { id: true, name: true, stage: true } },
  assignee: { select: { id: true, name: true } },
} as const;

export function partnerTasks(partnerId: string) {
  return db().task.findMany({
    where: { partnerId },
    orderBy: [{ completedAt: { sort: "asc", nulls: "first" } }, { dueOn: "asc" }],
    take: 100,
    select: taskFields,
  });
}

export const UPCOMING_DAYS = 14;

/** The signed-in user's open follow-ups: overdue, then the next two weeks. */
export async function myFollowUps(userId: string) {
  const today = todayUtc();
  const horizon = new Date(today.getTime() + UPCOMING_DAYS * 86_400_000);
  const [overdue, upcoming] = await Promise.all([
    db().task.findMany({
      where: { assigneeId: userId, ...overdueTaskWhere(today) },
      orderBy: { dueOn: "asc" },
      take: 200,
      select: taskFields,
    }),
    db().task.findMany({
      where: { assigneeId: userId, completedAt: null, repliedAt: null, dueOn: { gte: today, lte: horizon } },
      orderBy: { dueOn: "asc" },
      take: 200,
      select: taskFields,
    }),
  ]);
  return { overdue, upcoming };
}

/** Follow-ups the partner answered (by mail) before anyone ticked them: the owner sees who wrote back. */
export function myRepliedFollowUps(userId: string) {
  return db().task.findMany({
    where: { assigneeId: userId, completedAt: null, repliedAt: { not: null } },
    orderBy: { repliedAt: "desc" },
    take: 20,
    select: { ...taskFields, replyId: true },
  });
}
