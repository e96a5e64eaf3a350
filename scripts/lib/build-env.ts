/**
 * `next build` imports route modules, and with them the validated env. The build embeds no
 * secret, so it gets placeholders that pass validation; the server gets the real ones at start.
 */
export const BUILD_ENV = {
  AUTH_SECRET: "build-only-Zr4Qx8Lm2Vt6Np0Wk3Hs7Jd1Fb5Gc9Ya",
  DATA_KEY: Buffer.alloc(32, 7).toString("base64"),
};
