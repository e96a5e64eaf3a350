export * from "./agencies";
export * from "./audit";
export * from "./auth";
export * from "./settings";
export * from "./users";
export * from "./cases";
export * from "./disclosures";
export * from "./referrals";
