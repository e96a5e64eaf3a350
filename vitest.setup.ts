import { vi } from "vitest";

// `server-only` throws outside the react-server condition; server modules are still plain Node here.
vi.mock("server-only", () => ({}));
