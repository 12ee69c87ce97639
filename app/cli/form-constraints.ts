import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formConstraintsModule } from "~/features/form-constraints";

const target = fileURLToPath(new URL("../components/form-constraints.generated.ts", import.meta.url));
writeFileSync(target, formConstraintsModule());
console.log(`wrote ${target}`);
