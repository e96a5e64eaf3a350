export * from "./agencies";
export * from "./audit";
export * from "./auth";
export * from "./settings";
export * from "./users";
