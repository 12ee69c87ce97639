import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "public/build/", ".cache/", "app/generated/", "node_modules/", "playwright-report/", "test-results/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js,mjs}"],
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["tests/e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    // Domain rules are pure functions: no database, no request, no file system.
    files: ["app/shared/**", "app/features/**/*.ts"],
    ignores: ["app/features/**/*.server.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["*.server", "~/generated/*", "../generated/*"],
              message: "Domain rules are pure: data access and server utilities call them, not the other way round.",
            },
          ],
          paths: ["node:fs", "node:child_process", "node:net", "pg", "@electric-sql/pglite", "@remix-run/node", "@remix-run/react"].map(
            (name) => ({ name, message: "Domain rules do no I/O." }),
          ),
        },
      ],
    },
  },
  {
    // Data access takes domain values and throws rule violations; routes read requests and answer in HTTP.
    files: ["app/features/**/*.server.ts"],
    // These few read the request for the routes (sessions, uploads, the PDF answer).
    ignores: [
      "app/features/accounts/auth.server.ts",
      "app/features/portal/portal-session.server.ts",
      "app/features/spend/agreement-pdf-response.server.ts",
      "app/features/imports/import-action.server.ts",
    ],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: ["@remix-run/node", "@remix-run/react", "~/utils/http.server"].map((name) => ({
            name,
            message: "Models know nothing of HTTP: parse the request and answer it in the route.",
          })),
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "TSTypeReference[typeName.name='Request']", message: "Models do not take a Request: parse it in the route." },
      ],
    },
  },
  {
    // Route files stay thin: shared code moves to a feature, shared/ or components/, never into another route.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["~/routes/*", "./*"], message: "A route must not import another route." }] },
      ],
    },
  },
);
