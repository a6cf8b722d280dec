// The demo deals' terms go to the deal room once the app is up (contracts/scripts/publish-seed-terms.ts,
// which runs where viem is installed).
import { run } from "./processes.ts";

export function publishSeedTerms(appUrl: string, file: string): Promise<void> {
  return run("pnpm", ["--silent", "--filter", "@peerlock/contracts", "exec", "node", "scripts/publish-seed-terms.ts"], {
    PEERLOCK_APP_URL: appUrl,
    PEERLOCK_SEED_TERMS_FILE: file,
  });
}
