import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The imports that once ran against the layers (issue 27), put back where they were: the linter
// must refuse each one, and accept the same need met through the right door.
const eslint = new ESLint({ cwd: process.cwd() });

async function layerErrors(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((message) => message.ruleId?.endsWith("no-restricted-imports")).map((message) => message.message);
}

describe("layer rules", () => {
  it.each([
    [
      "a portal session helper in utils reading the portal's data access",
      "app/utils/portal-session.server.ts",
      'export { findPortalVisitor } from "~/features/portal/index.server";',
    ],
    ["the form helper in utils reading the spend rules", "app/utils/forms.server.ts", 'export { OverBudget } from "~/features/spend";'],
    [
      "the import action in utils reading the imports",
      "app/utils/import-action.server.ts",
      'export { runImport } from "~/features/imports/index.server";',
    ],
    [
      "the PDF answer in utils reading the agreement PDF",
      "app/utils/agreement-pdf-response.server.ts",
      'export { agreementPdf } from "~/features/spend/agreement-pdf.server";',
    ],
    ["a shared rule reading the permissions' feature", "app/shared/job-terms.ts", 'export { can } from "~/features/accounts";'],
    [
      "a route reaching into a feature's file",
      "app/routes/partners.new.tsx",
      'export { findDuplicate } from "~/features/partners/partner.server";',
    ],
    ["a route handing the database to a model", "app/routes/partners.new.tsx", 'export { db } from "~/utils/db.server";'],
    [
      "a feature reaching into another feature's file",
      "app/features/spend/spend.ts",
      'export { isDoNotContact } from "~/features/partners/partner-terms";',
    ],
    [
      "a feature reaching another by a relative path",
      "app/features/spend/ui/partner-spend.tsx",
      'export { StageBadge } from "../../partners/ui/partner-badges";',
    ],
    ["a feature going through its own door", "app/features/spend/gift.server.ts", 'export { OverBudget } from "~/features/spend";'],
    ["a domain rule reading data access", "app/features/spend/spend.ts", 'export { listGifts } from "./gift.server";'],
    ["a shared component reading a feature", "app/components/money.tsx", 'export { OverBudget } from "~/features/spend";'],
  ])("refuses %s", async (_, filePath, code) => {
    expect(await layerErrors(filePath, code)).toHaveLength(1);
  });

  it.each([
    [
      "a route through a feature's doors",
      "app/routes/partners.new.tsx",
      'export { createPartner } from "~/features/partners/index.server";\nexport { PartnerForm } from "~/features/partners";',
    ],
    [
      "a feature through another's door",
      "app/features/spend/gift.server.ts",
      'export { isDoNotContact } from "~/features/partners";\nexport { listGifts } from "./gift.server";',
    ],
    ["utils through utils", "app/utils/forms.server.ts", 'export { claimIdempotencyKey } from "~/utils/idempotency.server";'],
    [
      "a UI part reading a type of its data access",
      "app/features/compliance/ui/disclosure-counts.tsx",
      'export type { SummaryCounts } from "../disclosure-counts.server";',
    ],
  ])("accepts %s", async (_, filePath, code) => {
    expect(await layerErrors(filePath, code)).toEqual([]);
  });
});
