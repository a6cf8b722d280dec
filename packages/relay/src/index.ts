export { kindClass, matchesFilter } from "./filter.ts";
export { DEFAULT_LIMITS, type RelayLimits } from "./limits.ts";
export { type HostileRelay, type RunningRelay, type StartRelayOptions, startRelay } from "./server.ts";
