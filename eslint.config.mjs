import js from "@eslint/js";
import nextPlugin from "@next/eslint-plugin-next";
import drizzle from "eslint-plugin-drizzle";
import reactHooks from "eslint-plugin-react-hooks";
import tseslint from "typescript-eslint";

/** The pure core may import nothing but itself and small pure libraries. */
const CORE_FORBIDDEN = [
  "~/app/*", "~/components/*", "~/db", "~/db/*", "~/server/api/*", "~/server/auth/*", "~/server/services/*",
  "~/server/db", "~/server/audit/*", "~/env", "next", "next/*", "next-auth", "next-auth/*", "react", "react/*",
  "react-dom", "react-dom/*", "drizzle-orm", "drizzle-orm/*", "@trpc/*", "server-only", "better-sqlite3",
  "node:fs", "node:fs/*", "fs", "node:child_process", "@t3-oss/*",
];

export default tseslint.config(
  { ignores: [".next/**", "node_modules/**", "data/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "db/migrations/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    plugins: { "@next/next": nextPlugin, "react-hooks": reactHooks, drizzle },
    rules: {
      ...nextPlugin.configs.recommended.rules,
      ...nextPlugin.configs["core-web-vitals"].rules,
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { prefer: "type-imports", fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through ~/env only." }],
    },
  },
  {
    files: ["server/domain/**/*.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [{ group: CORE_FORBIDDEN, message: "server/domain is the pure core: no framework, database, I/O or env imports. Pass what it needs as arguments." }],
      }],
      "no-restricted-syntax": ["error",
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "The core takes the time as an argument." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "The core takes the time as an argument." },
      ],
    },
  },
  {
    files: ["components/**/*.{ts,tsx}", "app/**/_components/**/*.{ts,tsx}", "app/_trpc/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        patterns: [
          { group: ["~/db", "~/db/*"], message: "No database row types on the client; use RouterOutputs." },
          { group: ["~/server/*", "!~/server/domain"], allowTypeImports: true, message: "Client code may import server types only (the pure core is allowed)." },
        ],
      }],
    },
  },
  {
    // Only these modules read process.env: the validated env module, scripts that prepare it, and test configs.
    files: ["env.ts", "scripts/**/*.ts", "playwright.config.ts", "e2e/**/*.ts", "drizzle.config.ts", "*.config.{ts,mjs}"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Playwright fixtures call a parameter named `use`; they are not React.
    files: ["e2e/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  { files: ["**/*.mjs"], ...tseslint.configs.disableTypeChecked },
);
