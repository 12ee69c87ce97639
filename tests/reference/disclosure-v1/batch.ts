/** One JSON line in, one JSON line out (disclosure-rules.md, Input and Output). */
import { z } from "zod";
import { checkDisclosure } from "./check";
import { defaultRuleSets, type RuleSet } from "./rules";
import { disclosureJurisdictions, disclosurePlatforms, type DisclosureJurisdiction } from "~/shared/disclosure-terms";

const flag = z.boolean().optional();

const LineSchema = z.object({
  id: z.unknown().optional(),
  jurisdiction: z.enum(disclosureJurisdictions),
  platform: z.enum(disclosurePlatforms),
  text: z.string(),
  paid: flag,
  gifted: flag,
  affiliate: flag,
  platformLabel: flag,
  imagesRetouched: flag,
  imagesVirtual: flag,
});

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = String(issue.path[0] ?? "line");
  if (field === "jurisdiction") return `unknown jurisdiction (expected ${disclosureJurisdictions.join(", ")})`;
  if (field === "platform") return `unknown platform (expected ${disclosurePlatforms.join(", ")})`;
  if (field === "text") return "text must be a string";
  if (field === "line") return "each line must be a JSON object";
  return `${field} must be true or false`;
}

export function checkJsonLine(line: string, ruleSets: Record<DisclosureJurisdiction, RuleSet> = defaultRuleSets): string {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return JSON.stringify({ id: null, error: "invalid JSON" });
  }
  const id = value && typeof value === "object" && !Array.isArray(value) ? ((value as { id?: unknown }).id ?? null) : null;
  const parsed = LineSchema.safeParse(value);
  if (!parsed.success) return JSON.stringify({ id, error: describe(parsed.error) });
  const input = parsed.data;
  const result = checkDisclosure(input, ruleSets[input.jurisdiction]);
  return JSON.stringify({
    id,
    verdict: result.verdict,
    reasons: result.reasons,
    markers: result.markers.map((m) => ({ text: m.text, index: m.index, kind: m.kind, prominent: m.prominent })),
    ruleSet: result.ruleSet,
  });
}
