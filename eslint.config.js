import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";
import { readdirSync } from "node:fs";

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
  ...layerRules(),
);

/**
 * The layers of app/ (see docs/architecture.md): a feature is entered only through its doors, a
 * feature reaches its own files relatively, shared/, utils/ and components/ import no feature, and
 * domain rules do no I/O. ESLint keeps one setting of a rule per file, so each group of files
 * gets every rule that applies to it in one entry.
 */
function layerRules() {
  const features = readdirSync(new URL("./app/features/", import.meta.url), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);
  const rule = (...parts) => ({
    "@typescript-eslint/no-restricted-imports": [
      "error",
      { paths: parts.flatMap((part) => part.paths ?? []), patterns: parts.flatMap((part) => part.patterns ?? []) },
    ],
  });
  const throughDoors = {
    patterns: [
      {
        regex: "^(~|\\.\\.?(/\\.\\.)*)/features/[^/]+/(?!index\\.server$)",
        message: "Import a feature through its door: ~/features/<feature> (browser-safe) or ~/features/<feature>/index.server.",
      },
    ],
  };
  const noFeature = (except = []) => ({
    patterns: [
      {
        regex: `^(~|\\.\\.?(/\\.\\.)*)/features/${except.map((name) => `(?!${name}$)`).join("")}`,
        message: "shared/, utils/ and components/ sit below the features: they import none (move the piece down, or pass it in).",
      },
    ],
  });
  const pure = {
    patterns: [
      {
        regex: "\\.server$",
        allowTypeImports: true,
        message: "Domain rules and UI parts are pure: data access calls them, not the other way round (a type may be read).",
      },
      { regex: "(^~|\\.\\.)/generated/", message: "Domain rules do not touch the database client." },
    ],
  };
  const noIo = {
    paths: ["node:fs", "node:child_process", "node:net", "pg", "@electric-sql/pglite", "@remix-run/node"].map((name) => ({
      name,
      message: "Domain rules do no I/O.",
    })),
  };
  const noBrowserRouting = { paths: [{ name: "@remix-run/react", message: "Domain rules know nothing of pages: UI parts go in ui/." }] };
  const noHttp = {
    paths: ["@remix-run/node", "@remix-run/react", "~/utils/http.server"].map((name) => ({
      name,
      message: "Data access knows nothing of HTTP: parse the request and answer it in the route.",
    })),
  };
  const ownFilesRelatively = (feature, nested) => ({
    patterns: [
      {
        regex: `^~/features/${feature}(/|$)`,
        message: "Inside a feature, import its own files relatively: going through its own door makes an import cycle.",
      },
      {
        regex: nested ? "^\\.\\./\\.\\./" : "^\\.\\./",
        message: "A relative import stays inside its feature: reach another feature through its door.",
      },
    ],
  });
  // These few read the request for the routes (sessions, uploads, the PDF answer).
  const readsRequests = [
    "app/features/accounts/auth.server.ts",
    "app/features/portal/portal-session.server.ts",
    "app/features/spend/agreement-pdf-response.server.ts",
    "app/features/imports/import-action.server.ts",
    "app/features/accounts/intent-actions.server.ts",
  ];
  const featureBlocks = features.flatMap((feature) =>
    [false, true].flatMap((nested) => {
      const at = (glob) => `app/features/${feature}/${nested ? "*/**/" : ""}${glob}`;
      const own = ownFilesRelatively(feature, nested);
      return [
        {
          files: [at("*.ts")],
          ignores: [at("*.server.ts"), `app/features/${feature}/ui/**`],
          rules: rule(throughDoors, own, pure, noIo, noBrowserRouting),
        },
        { files: [`app/features/${feature}/ui/**/*.tsx`].filter(() => nested), rules: rule(throughDoors, own, pure) },
        { files: [at("*.server.ts")], ignores: readsRequests, rules: rule(throughDoors, own, noHttp) },
        {
          files: readsRequests.filter((file) => file.startsWith(`app/features/${feature}/`) && file.split("/").length === (nested ? 5 : 4)),
          rules: rule(throughDoors, own),
        },
      ].filter((block) => block.files.length > 0);
    }),
  );
  return [
    { files: ["app/shared/**"], rules: rule(noFeature(), pure, noIo, noBrowserRouting) },
    { files: ["app/utils/**"], rules: rule(noFeature()) },
    // The dictionaries put together each feature's strings, and nothing else of a feature.
    {
      files: ["app/i18n/**"],
      rules: rule({
        patterns: [
          {
            regex: "^(~|\\.\\.?(/\\.\\.)*)/features/(?![^/]+/(strings\\.(en|fr)|page-strings)$)",
            message: "The dictionaries read a feature's strings (strings.en.ts, strings.fr.ts, page-strings.ts) and nothing else of it.",
          },
        ],
      }),
    },
    // Components may read the form registry's types (which form names exist), nothing of a feature.
    { files: ["app/components/**"], rules: rule(noFeature(["form-schemas"])) },
    { files: ["app/jobs/**", "app/cli/**", "app/*.tsx", "app/features/*.ts"], rules: rule(throughDoors) },
    {
      // Route files stay thin and flat: shared code goes to a feature, shared/ or components/, never into another route.
      files: ["app/routes/**"],
      rules: rule(throughDoors, {
        // A child route may read its layout's loader type (useRouteLoaderData), which costs no code.
        patterns: [{ group: ["~/routes/*", "./*"], message: "A route must not import another route.", allowTypeImports: true }],
        paths: [{ name: "~/utils/db.server", message: "A route does not reach the database: it calls a feature's data access." }],
      }),
    },
    ...featureBlocks,
    {
      // Data access takes domain values and throws rule violations; routes read requests and answer in HTTP.
      files: ["app/features/**/*.server.ts"],
      ignores: readsRequests,
      rules: {
        "no-restricted-syntax": [
          "error",
          { selector: "TSTypeReference[typeName.name='Request']", message: "Data access does not take a Request: parse it in the route." },
        ],
      },
    },
  ];
}
