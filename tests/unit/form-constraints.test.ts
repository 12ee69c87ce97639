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
