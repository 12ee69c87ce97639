/**
 * Properties of the v2 change: v1 lines come out byte for byte as they did before v2 existed
 * (against the frozen copy in tests/reference/disclosure-v1), and invisible characters inside a
 * label never change a v2 verdict.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkJsonLine as referenceV1 } from "../reference/disclosure-v1/batch";
import { checkJsonLine } from "~/features/compliance/disclosure/batch";
import { lexiconV2, postLanguages } from "~/features/compliance/disclosure/rules-v2";
import { disclosureJurisdictions, disclosurePlatforms } from "~/shared/disclosure-terms";

const labels = postLanguages.flatMap((language) => Object.values(lexiconV2[language]).flat());
const label = fc.constantFrom(...labels, "#ad", "#Werbung", "#collaborationcommerciale", "Publicité", "PAID PARTNERSHIP");
const filler = fc.constantFrom("new", "shoes", "Meine", "routine", "du", "soir", "🏃", "#run", "#berge", "l'été", "\n", "—", "ｘ", "é");
const textOf = (parts: fc.Arbitrary<string>) => fc.array(parts, { maxLength: 40 }).map((words) => words.join(" "));
const anyText = textOf(fc.oneof(label, filler, fc.string({ maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 4 })));

describe("v1 lines are unchanged", () => {
  it("gives byte-identical output to the v1 checker as it was before v2", () => {
    const line = fc.record(
      {
        id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
        specVersion: fc.constant(1),
        jurisdiction: fc.oneof(fc.constantFrom(...disclosureJurisdictions), fc.constant("ES")),
        platform: fc.oneof(fc.constantFrom(...disclosurePlatforms), fc.constant("myspace")),
        text: fc.oneof(anyText, fc.integer()),
        paid: fc.oneof(fc.boolean(), fc.constant("yes")),
        gifted: fc.boolean(),
        affiliate: fc.boolean(),
        platformLabel: fc.boolean(),
        imagesRetouched: fc.boolean(),
        imagesVirtual: fc.boolean(),
        colour: fc.string(),
      },
      { requiredKeys: ["jurisdiction", "platform", "text"] },
    );
    fc.assert(
      fc.property(line, (value) => {
        const json = JSON.stringify(value);
        expect(checkJsonLine(json)).toBe(referenceV1(json));
      }),
      { numRuns: 3000 },
    );
  });
  it("gives the same error lines as before for lines that are not objects or not JSON", () => {
    for (const line of ["", "{", "[]", "null", "42", '"text"', '{"jurisdiction":"US"}'])
      expect(checkJsonLine(line)).toBe(referenceV1(line));
  });
});

const invisible = fc.constantFrom("\u200B", "\u200C", "\u200D", "\u2060", "\u00AD", "\uFEFF", "\uFE0F", "\u180E");

describe("invisible characters", () => {
  it("never change a verdict when put inside a label", () => {
    // Short posts, so that the few code points added cannot cross a fold or Germany's 50.
    const short = fc.array(fc.constantFrom("new", "shoes", "Mein", "soir", "ma"), { maxLength: 3 }).map((words) => words.join(" "));
    const post = fc.record({
      jurisdiction: fc.constantFrom(...disclosureJurisdictions),
      platform: fc.constantFrom(...disclosurePlatforms),
      language: fc.constantFrom(...postLanguages),
      relationship: fc.record({ gifts: fc.nat(2), paid: fc.boolean(), brandControl: fc.boolean(), affiliate: fc.boolean() }),
      platformLabel: fc.boolean(),
      field: fc.constantFrom("text", "title", "onScreenLabel", "spokenLabel"),
      before: short,
      label,
      after: short,
      insertions: fc.array(fc.tuple(fc.nat(), invisible), { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(post, ({ field, before, label, after, insertions, ...line }) => {
        const codePoints = Array.from(label);
        for (const [at, character] of insertions) codePoints.splice(1 + (at % Math.max(1, codePoints.length - 1)), 0, character);
        const verdicts = (written: string) => {
          const text = `${before} ${written} ${after}`.trim();
          const fields = field === "text" ? { text } : { text: "", [field]: text };
          const output = JSON.parse(checkJsonLine(JSON.stringify({ specVersion: 2, ...line, ...fields })));
          return output.results.map((result: { verdict: string; reasons: string[] }) => [result.verdict, result.reasons]);
        };
        expect(verdicts(codePoints.join(""))).toEqual(verdicts(label));
      }),
      { numRuns: 2000 },
    );
  });
});
