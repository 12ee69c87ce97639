import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formConstraintsModule } from "~/features/form-constraints";

describe("form constraints shipped to the browser", () => {
  it("match the shared schemas (run `npm run forms:constraints` after changing a form schema)", () => {
    const onDisk = readFileSync(new URL("../../app/components/form-constraints.generated.ts", import.meta.url), "utf8");
    expect(onDisk).toBe(formConstraintsModule());
  });

  it("mark the login form's fields as required", async () => {
    const { formConstraints } = await import("~/components/form-constraints.generated");
    expect(formConstraints.login.email?.required).toBe(true);
    expect(formConstraints.login.password?.required).toBe(true);
  });
});

describe("the browser asks for no more than the server", () => {
  it("requires a field only when the server refuses it left empty, on every form", async () => {
    const { formConstraints } = await import("~/components/form-constraints.generated");
    const { formSchemas } = await import("~/features/form-schemas");
    const acceptedEmpty: string[] = [];
    for (const [form, fields] of Object.entries(formConstraints)) {
      const schema = formSchemas[form as keyof typeof formSchemas];
      for (const [field, constraint] of Object.entries(fields)) {
        // `tags[]` and `items[0].x` describe array items, which no input on these forms is named after.
        if (!constraint.required || /[[.]/.test(field)) continue;
        // What a browser sends for a field left empty, as conform hands it to the schema.
        const result = schema.safeParse({});
        const refusedHere = !result.success && result.error.issues.some((issue) => issue.path[0] === field);
        if (!refusedHere) acceptedEmpty.push(`${form}.${field}`);
      }
    }
    expect(acceptedEmpty).toEqual([]);
  });

  it("lets a new partner be saved without tags, as the server does (issue 28)", async () => {
    const { formConstraints } = await import("~/components/form-constraints.generated");
    expect(formConstraints.partner.tags?.required).toBeFalsy();
    expect(formConstraints.partner.name?.required).toBe(true);
  });
});
