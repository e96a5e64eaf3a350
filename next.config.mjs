/**
 * Headers for every response, including static files. The Content-Security-Policy carries a
 * per-request nonce, so it is set in proxy.ts instead.
 * @type {import("next").NextConfig}
 */
const securityHeaders = [
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
  {
    key: "Permissions-Policy",
    value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), bluetooth=(), interest-cohort=(), browsing-topics=()",
  },
];

const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // Next's own cap on a server action's body: the import upload's (IMPORT_REQUEST_MAX_BYTES in
  // server/http/request-limits.ts, which a test keeps equal). proxy.ts holds every other page's
  // actions to the much smaller form limit before this is reached.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: 20 * 1024 * 1024 + 64 * 1024 } },
  // `npm test` type-checks the whole project once (tsc --noEmit); the build need not repeat it.
  typescript: { ignoreBuildErrors: true },
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "pdfkit", "fontkit", "piscina"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
