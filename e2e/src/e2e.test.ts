// The end-to-end journeys, in order, in one Chromium with the test wallet. The stack (node,
// deploy, seed, production app) is started by global-setup.ts. `pnpm --filter @peerlock/e2e test`.
import { after, before, describe, it } from "node:test";
import { openSession, type Session } from "./browser.ts";
import { connectJourney } from "./journeys/connect.ts";
import { devWalletJourney } from "./journeys/devWallet.ts";
import { dealsJourney } from "./journeys/deals.ts";
import { erc20OfferJourney } from "./journeys/erc20Offer.ts";
import { errorsJourney } from "./journeys/errors.ts";
import { ethOfferJourney } from "./journeys/ethOffer.ts";
import { layoutJourney } from "./journeys/layout.ts";
import { signedOfferJourney } from "./journeys/signedOffer.ts";
import { signedBookJourney } from "./journeys/signedBook.ts";
import { hostileRelayJourney, oneRelayDownJourney, relayOnlyJourney } from "./journeys/relayOrders.ts";
import { hostileRelayRoomJourney, relayRoomJourney } from "./journeys/relayRoom.ts";
import { roomJourney, securityHeadersJourney } from "./journeys/room.ts";
import { walletSelfTest } from "./journeys/wallet.ts";
import { withoutIndexerJourney } from "./journeys/withoutIndexer.ts";

const MINUTE = 60_000;
let session: Session | undefined;

function journey(name: string, run: (s: Session) => Promise<void>, timeout = 2 * MINUTE) {
  it(name, { timeout }, async () => {
    if (!session) throw new Error("the browser did not start; see the error of the `before` hook");
    const errorsBefore = session.pageErrors.length;
    await run(session);
    const crashes = session.pageErrors.slice(errorsBefore);
    if (crashes.length > 0) throw new Error(`The app threw in the page during "${name}":\n${crashes.join("\n")}`);
  });
}

describe("Peerlock end to end", () => {
  before(async () => {
    session = await openSession();
  });

  after(async () => {
    await session?.close();
  });

  journey("the test wallet announces itself, gates accounts, switches chains, rejects and sends", walletSelfTest);
  journey("1. connect, see the address and balances, disconnect", connectJourney);
  journey("2. ERC-20 for ERC-20 offer: create with approval, fill part from the link, cancel the rest", erc20OfferJourney);
  journey("3. ETH for ERC-20 offer filled in full; a private offer refused for a third account", ethOfferJourney);
  journey("4. deal with terms: take from the link, mark paid, release; a disputed deal split by the arbiter", dealsJourney);
  journey("5. wrong network, rejected signature, expired offer, malformed links", errorsJourney);
  journey("6. signed offer: sign with one approval and no other transaction, fill part from the link, cancel", signedOfferJourney);
  journey("7. a signed offer posted to the order book is listed with its badge and leaves the market once filled", signedBookJourney);
  journey("8. no extension: the built-in dev wallet picks an account, gets test tokens, creates an offer; a fresh account fills it", () =>
    devWalletJourney(),
  );
  journey("9. security headers: nonce CSP, no framing, nosniff, no referrer", securityHeadersJourney);
  journey(
    "10. deal room: public terms in the market, private details, signed chat, evidence, dispute, resolve; script stays text",
    roomJourney,
    4 * MINUTE,
  );
  journey(
    "12. every route at 390x844 (market, offers, new offer and deal, a deal in each status, arbiter, my trades, settings, address) and the arbiter at 1280: nothing scrolls sideways or is cut off",
    layoutJourney,
    4 * MINUTE,
  );
  journey(
    "14. order-book API stopped: a signed offer from browser A reaches browser B through the relays and fills with exact balances",
    relayOnlyJourney,
    3 * MINUTE,
  );
  journey("15. relay 1 stopped: an offer signed in A still reaches B through relay 2; relay 1 starts again", oneRelayDownJourney, 3 * MINUTE);
  journey(
    "16. a hostile relay added in the settings: its forged signature, altered amounts and replayed cancelled order are never shown, its genuine order is",
    hostileRelayJourney,
    3 * MINUTE,
  );
  journey(
    "17. deal room with the app's room API stopped in both browsers: terms, the deal key and messages both ways travel through the relays; evidence waits, the typed text stays",
    relayRoomJourney,
    4 * MINUTE,
  );
  journey(
    "18. a hostile relay's room items (a stranger's message, a forged buyer message, wraps of another key) are not shown; the buyer's real key opens the room",
    hostileRelayRoomJourney,
    4 * MINUTE,
  );
  // Last: it stops the indexer for good.
  journey("11. indexer stopped: a banner says so, the market reads the chain, a deal is released from its page", withoutIndexerJourney);
});
