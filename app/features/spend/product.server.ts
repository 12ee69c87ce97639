import type { ProductInput } from "./spend";
import { RuleViolation } from "~/shared/violations";
import { recordAudit } from "~/utils/audit.server";
import { db } from "~/utils/db.server";
import { isUniqueViolation } from "~/features/accounts/index.server";

const PAGE_SIZE = 50;

export async function listProducts(options: { page: number; archived: boolean }) {
  const where = { archivedAt: options.archived ? { not: null } : null };
  const [rows, total] = await Promise.all([
    db().product.findMany({ where, orderBy: [{ name: "asc" }, { id: "asc" }], skip: (options.page - 1) * PAGE_SIZE, take: PAGE_SIZE }),
    db().product.count({ where }),
  ]);
  return { rows, total, page: options.page, pageSize: PAGE_SIZE };
}

/** The products a gift or campaign form offers. */
export function productChoices() {
  return db().product.findMany({
    where: { archivedAt: null },
    select: { id: true, name: true, sku: true, unitCostMinor: true, retailMinor: true, currency: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}

export function getProduct(id: string) {
  return db().product.findUnique({ where: { id } });
}

function productData(input: ProductInput) {
  return {
    name: input.name,
    sku: input.sku ?? null,
    unitCostMinor: input.unitCost,
    retailMinor: input.retailPrice ?? null,
    currency: input.currency,
  };
}

export async function saveProduct(actorId: string, id: string | null, input: ProductInput) {
  try {
    return await db().$transaction(async (tx) => {
      const before = id ? await tx.product.findUnique({ where: { id } }) : null;
      if (id && !before) throw new RuleViolation("errors.notFound", 404);
      const after = before
        ? await tx.product.update({ where: { id: before.id }, data: productData(input) })
        : await tx.product.create({ data: productData(input) });
      await recordAudit(tx, {
        actorId,
        action: before ? "product.update" : "product.create",
        entityType: "Product",
        entityId: after.id,
        before,
        after,
      });
      return after;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new RuleViolation("products.skuTaken", 409, "sku");
    throw error;
  }
}

export async function setProductArchived(actorId: string, id: string, archived: boolean) {
  return db().$transaction(async (tx) => {
    const before = await tx.product.findUnique({ where: { id } });
    if (!before) throw new RuleViolation("errors.notFound", 404);
    const after = await tx.product.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
    await recordAudit(tx, {
      actorId,
      action: archived ? "product.archive" : "product.restore",
      entityType: "Product",
      entityId: id,
      before,
      after,
    });
    return after;
  });
}
