import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./", import.meta.url)) } },
  test: {
    environment: "node",
    include: ["server/**/*.test.ts", "db/**/*.test.ts", "scripts/**/*.test.ts", "tests/**/*.test.ts"],
    setupFiles: ["./vitest.setup.ts"],
    pool: "forks",
    testTimeout: 20_000,
    env: { NODE_ENV: "test", AUTH_SECRET: "vt-only-3f9a1c7e2b8d4f60a5c9e1b7d3f2a8c4e6b", DATABASE_URL: ":memory:", DATA_KEY: "dml0ZXN0LW9ubHktZGF0YS1rZXktMzItYnl0ZXMhISE=" },
  },
});
