/**
 * Which partners a query sees, named once. A merged partner only points at the one it was merged
 * into; an erased one keeps its money and compliance rows but is no longer someone to write to;
 * an archived one stays out of pickers. Each query names the scope it needs.
 */
import type { Prisma } from "~/generated/prisma/client";

export const partnerScopes = {
  /** Stands for a person (not merged): duplicate checks, imports and reports count these, archived or erased. */
  standing: { mergedIntoId: null },
  /** Someone mail is filed to and sent to: standing and not erased (archived partners' mail is still filed). */
  reachable: { mergedIntoId: null, erasedAt: null },
  /** Offered in a picker: standing and not archived. */
  pickable: { mergedIntoId: null, archivedAt: null },
} satisfies Record<string, Prisma.PartnerWhereInput>;
