import { cookieToInitialState, createConfig, type State } from "wagmi";
import { wagmiBaseParameters } from "./wagmiBase";

/** The wallet connection kept in the cookie, so the server renders the header the client will. */
export function initialWagmiState(cookie: string | null): State | undefined {
  return cookieToInitialState(createConfig(wagmiBaseParameters()), cookie);
}
