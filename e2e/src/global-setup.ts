// `node --test --test-global-setup`: the stack starts once in the runner process, before any
// test file is loaded. Test files then import @peerlock/sdk fresh, with the addresses the
// deploy just wrote into it (on a clean clone there are none before this runs).
import { startStack, stopStack, tailLog } from "./stack.ts";

export async function globalSetup(): Promise<void> {
  try {
    await startStack((line) => console.log(line));
  } catch (error) {
    const web = tailLog("web.log");
    if (web) console.error(`last lines of the web app:\n${web}`);
    stopStack();
    throw error;
  }
}

export async function globalTeardown(): Promise<void> {
  stopStack();
}
