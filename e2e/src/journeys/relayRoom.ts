// Journeys 17 and 18: the deal room over Nostr relays (issue 18). Both run with the app's room
// API stopped in every browser from the start (each /api/room/** call fails as if the server were
// down): the seller opens a deal and publishes its sealed terms, the buyer reads the terms, takes
// the deal, gets the deal key wrapped by the seller's browser and both chat, all through the two
// relays of the stack. 18 adds a hostile relay to the buyer's browser that serves forged room items
// (a stranger's sealed message, a message claiming the buyer with a stranger's signature, wraps of
// another key for the buyer): none is shown, and a genuine item it alone carries is.
import assert from "node:assert/strict";
import {
  type DealContext,
  encodeRoomMessage,
  newDealKey,
  type RoomItemWire,
  roomEventTemplate,
  roomIdentityTypedData,
  roomKeyFromSignature,
  roomKeyWrapTypedData,
  roomMessageTypedData,
  sealedFromText,
  sealedToText,
  sealText,
  wrapDealKey,
} from "@peerlock/sdk";
import { finalizeEvent, generateSecretKey } from "nostr-tools/pure";
import type { Page } from "playwright-core";
import { type Address, bytesToHex, type Hex, hexToBytes, keccak256, type LocalAccount, zeroHash } from "viem";
import { generatePrivateKey, mnemonicToAccount, privateKeyToAccount } from "viem/accounts";
import { freshPage, openSession, type Session, screenshot } from "../browser.ts";
import { dealCount, deployment } from "../chain.ts";
import { APP_CHAIN_ID, hostileRelayUrl, ROLES } from "../config.ts";
import { type HostileRelay, startHostileRelay } from "../hostileRelay.ts";
import { connect, waitForText } from "../ui.ts";
import { fillTerms } from "./deals.ts";
import { act } from "./room.ts";

const PUBLIC = { pricePerUnit: "0.95", fiatCurrency: "EUR", paymentMethod: "SEPA", minFiat: "", maxFiat: "", notes: "Relays only." };
const PRIVATE = "IBAN DE02 1203 0000 0000 2020 51";
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==", "base64");
/** The Hardhat dev mnemonic: the test wallet's accounts, so a journey can sign as a party in Node. */
const MNEMONIC = "test test test test test test test test test test test junk";

/** The app's room API, as if its server were down: every call fails at the network. */
async function stopRoomApi(session: Session): Promise<void> {
  await session.context.route("**/api/room/**", (route) => route.abort());
}

/** The room key's signatures (no sign-in: the server is down); every unlock button goes away. */
async function unlock(page: Page): Promise<void> {
  const button = page.getByTestId("room-unlock").first();
  await button.waitFor({ timeout: 30_000 });
  await button.click();
  await page.getByTestId("room-unlock").first().waitFor({ state: "detached", timeout: 30_000 });
}

/** The seller opens a listed deal; with the server down its browser publishes the sealed terms to the relays. */
async function sellerOpensDeal(session: Session): Promise<{ id: bigint; seller: Page }> {
  await session.wallet.use("seller");
  const seller = await freshPage(session);
  await seller.goto("/deals/new");
  await connect(seller, session.wallet);
  const id = (await dealCount()) + 1n;
  await seller.getByLabel(/^Amount to lock/).fill("0.2");
  await seller.getByLabel("Arbiter", { exact: true }).fill(ROLES.arbiter);
  await fillTerms(seller, { public: PUBLIC, private: PRIVATE });
  await seller.getByRole("button", { name: "Open deal" }).click();
  await seller.waitForURL(`**/deals/${id}#pub=*`, { timeout: 30_000 });
  await waitForText(seller.getByTestId("terms-check"), "Terms match the deal");
  await unlock(seller);
  await waitForText(seller.getByTestId("publish-terms"), "Through the relays", 30_000);
  return { id, seller };
}

/** The buyer opens the deal without any link (the terms come from the relays), takes it and makes its room key. */
async function buyerTakes(session: Session, id: bigint): Promise<Page> {
  await session.wallet.use("buyer");
  const buyer = await freshPage(session);
  await buyer.goto(`/deals/${id}`);
  await connect(buyer, session.wallet);
  await waitForText(buyer.getByTestId("terms-check"), "Terms match the deal", 30_000);
  await act(buyer, "Take deal");
  await unlock(buyer);
  return buyer;
}

/** The seller comes back to the deal page: its browser finds the buyer's key on the relays and wraps the deal key to it. */
async function sellerReturns(session: Session, seller: Page, id: bigint): Promise<void> {
  await seller.goto(`/deals/${id}`);
  await connect(seller, session.wallet);
  await waitForText(seller.getByTestId("room-relays-only"), "server cannot be reached", 30_000);
}

async function send(page: Page, text: string): Promise<void> {
  await page.getByTestId("chat-input").fill(text);
  await page.getByTestId("chat-send").click();
}

export async function relayRoomJourney(): Promise<void> {
  const sellerSession = await openSession();
  const buyerSession = await openSession();
  try {
    await stopRoomApi(sellerSession);
    await stopRoomApi(buyerSession);
    const { id, seller } = await sellerOpensDeal(sellerSession);
    const buyer = await buyerTakes(buyerSession, id);
    await sellerReturns(sellerSession, seller, id);

    // The buyer reads the details sealed for it, with the deal key the seller's browser wrapped on the relays.
    await waitForText(buyer.getByTestId("private-details"), PRIVATE, 60_000);
    await waitForText(buyer.getByTestId("room-relays-only"), "read and sent through the relays");

    // Buyer to seller, then seller to buyer, through the relays alone.
    const paid = "Paid 190 EUR by SEPA, reference DEAL-17.";
    await send(buyer, paid);
    const mine = buyer.getByTestId("chat-message").first();
    await waitForText(mine, paid);
    await waitForText(mine.getByTestId("message-where"), "relays 2/2");
    await waitForText(seller.getByTestId("chat-messages"), paid, 30_000);
    const received = seller.getByTestId("chat-message").first();
    await waitForText(received.getByTestId("signature-check"), "signature verified");
    assert.equal((await received.getAttribute("data-author"))?.toLowerCase(), ROLES.buyer.toLowerCase());

    const answer = "Received, releasing now.";
    await send(seller, answer);
    await waitForText(buyer.getByTestId("chat-messages"), answer, 30_000);
    assert.equal(await buyer.getByTestId("chat-message").count(), 2);
    await screenshot(buyer, "17-relay-room", "buyer-chat-server-down");

    // Evidence files live on the server only: with it down the app says so and keeps what was typed.
    await buyer.getByTestId("chat-input").fill("Receipt attached.");
    await buyer.getByTestId("chat-file").setInputFiles({ name: "receipt.png", mimeType: "image/png", buffer: PNG });
    await buyer.getByTestId("chat-send").click();
    await waitForText(buyer.getByTestId("chat"), "Evidence files are kept on the app's server only");
    assert.equal(await buyer.getByTestId("chat-input").inputValue(), "Receipt attached.");
    assert.equal(await buyer.getByTestId("chat-message").count(), 2);
  } finally {
    await sellerSession.close();
    await buyerSession.close();
  }
}

/** Room items as a hostile relay might serve them, each a valid nostr event (so only the app's own checks can refuse it). */
class Forger {
  readonly context: DealContext;
  readonly stranger: LocalAccount = privateKeyToAccount(generatePrivateKey());
  private readonly relay: HostileRelay;
  constructor(relay: HostileRelay, dealId: bigint) {
    this.relay = relay;
    this.context = { chainId: APP_CHAIN_ID, escrow: deployment().dealEscrow.address, dealId };
  }

  inject(item: RoomItemWire): void {
    this.relay.inject(finalizeEvent(roomEventTemplate(this.context, item), generateSecretKey()));
  }

  /** A message claiming `author`, sealed with `dealKey` and signed (EIP-712, no chat key) by `signer`. */
  async message(author: Address, signer: LocalAccount, dealKey: Uint8Array, text: string): Promise<RoomItemWire> {
    const body = sealedToText(sealText(dealKey, text, this.context, "message"));
    const message = {
      author,
      dealId: this.context.dealId,
      clientId: crypto.randomUUID(),
      body,
      evidence: zeroHash,
      sentAt: BigInt(Math.floor(Date.now() / 1000)),
    };
    const signature = await signer.signTypedData!(roomMessageTypedData(APP_CHAIN_ID, message));
    return { type: "message", author, message: encodeRoomMessage({ message, signature }) };
  }

  /** A wrap of `dealKey` to the reader's public key, claiming `author`, signed by `signer`. */
  async wrap(author: Address, signer: LocalAccount, reader: Address, publicKey: Uint8Array, dealKey: Uint8Array): Promise<RoomItemWire> {
    const wrap = {
      reader,
      readerPublicKey: bytesToHex(publicKey),
      wrap: sealedToText(wrapDealKey(dealKey, { wallet: reader, publicKey }, this.context)),
    };
    const signedAt = Math.floor(Date.now() / 1000);
    const statement = {
      author,
      dealId: this.context.dealId,
      reader,
      readerPublicKey: wrap.readerPublicKey,
      wrapHash: keccak256(sealedFromText(wrap.wrap)),
      signedAt: BigInt(signedAt),
    };
    const signature = await signer.signTypedData!(roomKeyWrapTypedData(APP_CHAIN_ID, statement));
    return { type: "wrap", author, wrap, signedAt, signature };
  }
}

export async function hostileRelayRoomJourney(): Promise<void> {
  const hostile = await startHostileRelay();
  const sellerSession = await openSession();
  const buyerSession = await openSession();
  try {
    await stopRoomApi(sellerSession);
    await stopRoomApi(buyerSession);
    // The buyer's browser reads a third relay, one that lies.
    await buyerSession.context.addInitScript((url) => window.localStorage.setItem("peerlock.relays.added", JSON.stringify([url])), hostileRelayUrl);
    const { id, seller } = await sellerOpensDeal(sellerSession);
    const forger = new Forger(hostile, id);
    const sellerWallet = mnemonicToAccount(MNEMONIC, { addressIndex: 2 });
    const buyerWallet = mnemonicToAccount(MNEMONIC, { addressIndex: 3 });
    assert.equal(sellerWallet.address, ROLES.seller);
    assert.equal(buyerWallet.address, ROLES.buyer);
    const dealKey = hexToBytes((await seller.evaluate((k) => window.localStorage.getItem(k), `peerlock:deal-key:${APP_CHAIN_ID}:${id}`)) as Hex, {
      size: 32,
    });
    // The buyer's room key is derived from its wallet's RoomIdentity signature: anyone can learn its public half.
    const buyerRoomKey = roomKeyFromSignature(
      await buyerWallet.signTypedData(roomIdentityTypedData(ROLES.buyer, APP_CHAIN_ID)),
      ROLES.buyer,
      APP_CHAIN_ID,
    );
    const otherKey = newDealKey();
    const { stranger } = forger;
    // Before the buyer ever opens the room: wraps of another key for the buyer, and forged messages.
    forger.inject(await forger.wrap(stranger.address, stranger, ROLES.buyer, buyerRoomKey.publicKey, otherKey));
    forger.inject(await forger.wrap(ROLES.seller, stranger, ROLES.buyer, buyerRoomKey.publicKey, otherKey));
    forger.inject(await forger.message(stranger.address, stranger, otherKey, "FORGED: a stranger's sealed message"));
    forger.inject(await forger.message(ROLES.buyer, stranger, dealKey, "FORGED: pay the rest to IBAN XX00 0000"));
    forger.inject(await forger.message(ROLES.buyer, stranger, otherKey, "FORGED: claims the buyer, sealed with another key"));
    // The control: a genuine message (the seller's wallet signed it, sealed with the deal key) that only the hostile relay carries.
    const control = "Control: a genuine message only the third relay carries.";
    forger.inject(await forger.message(ROLES.seller, sellerWallet, dealKey, control));

    const buyer = await buyerTakes(buyerSession, id);
    assert.equal(
      await buyer.evaluate(
        (k) => JSON.parse(window.localStorage.getItem(k) ?? "{}").secretKey,
        `peerlock:room-key:${APP_CHAIN_ID}:${ROLES.buyer.toLowerCase()}`,
      ),
      bytesToHex(buyerRoomKey.secretKey),
      "the forged wraps target the buyer's real room key",
    );
    await sellerReturns(sellerSession, seller, id);

    // The buyer's real key opens the room (the forged wraps of another key were not taken).
    await waitForText(buyer.getByTestId("private-details"), PRIVATE, 60_000);
    await waitForText(buyer.getByTestId("chat-messages"), control, 30_000);
    // Forged items keep arriving while the room is open.
    forger.inject(await forger.message(ROLES.buyer, stranger, dealKey, "FORGED: live, claims the buyer"));
    forger.inject(await forger.message(ROLES.seller, stranger, dealKey, "FORGED: live, claims the seller"));
    const paid = "Paid by SEPA, reference DEAL-18.";
    await send(buyer, paid);
    await waitForText(seller.getByTestId("chat-messages"), paid, 30_000);
    await waitForText(buyer.getByTestId("chat-messages"), paid);
    await new Promise((r) => setTimeout(r, 3_000));
    const shown = (await buyer.getByTestId("chat-messages").textContent()) ?? "";
    assert.doesNotMatch(shown, /FORGED/, "a forged message is shown");
    assert.equal(await buyer.getByTestId("chat-message").count(), 2, "only the control and the buyer's own message");
    assert.equal(await buyer.getByTestId("message-unreadable").count(), 0, "a relay's item that does not open leaves no error row");
    assert.doesNotMatch((await seller.getByTestId("chat-messages").textContent()) ?? "", /FORGED/);
    await screenshot(buyer, "18-hostile-relay-room", "buyer-room-hostile-relay");
  } finally {
    await sellerSession.close();
    await buyerSession.close();
    await hostile.close();
  }
}
