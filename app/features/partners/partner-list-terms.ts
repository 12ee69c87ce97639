/** The partner list's sorts, columns and URL helpers, for the browser too (zod-free). */
import type { PartnerListQuery } from "./partner-list";

export const partnerSorts = ["name", "updatedAt", "followers", "country", "stage"] as const;

export const pageSizes = [25, 50, 100] as const;

export const partnerColumns = [
  "kind",
  "stage",
  "country",
  "language",
  "followers",
  "platforms",
  "tags",
  "owner",
  "email",
  "updatedAt",
] as const;

export type PartnerColumn = (typeof partnerColumns)[number];

/** URLSearchParams → object, keeping repeated keys as arrays. */
export function searchParamsObject(params: URLSearchParams): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    result[key] = values.length > 1 ? values : values[0];
  }
  return result;
}

export function hasPartnerFilters(query: PartnerListQuery): boolean {
  return Boolean(
    query.q ||
    query.stage.length ||
    query.kind.length ||
    query.platform.length ||
    query.country.length ||
    query.language.length ||
    query.tag.length ||
    query.owner ||
    query.followersMin !== undefined ||
    query.followersMax !== undefined ||
    query.archived ||
    query.overdue,
  );
}

export const BULK_LIMIT = 500;

/** The part of a list URL worth saving: filters, sort and columns, not the page number. */
export function viewQuery(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("page");
  params.sort();
  return params.toString();
}
