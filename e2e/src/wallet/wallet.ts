// The Node half of the test wallet. It plays the user's browser extension: it knows which dev
// account is selected, whether the site was allowed to see it, which chain it is on, and it
// can be told to refuse the next prompt as if the user pressed "Reject". Everything else goes
// to the Hardhat node, whose dev accounts are unlocked, so transactions are really mined.
import type { BrowserContext } from "playwright-core";
import { type Address, type Hex, hexToBigInt, numberToHex, parseSignature, serializeSignature } from "viem";
import { APP_CHAIN_ID, OTHER_CHAIN_ID, ROLES, type Role } from "../config.ts";
import { BRIDGE_BINDING, type BridgeReply, EMITTER_GLOBAL, installTestWallet, type WalletInfo } from "./provider.ts";

export const WALLET_INFO: WalletInfo = {
  uuid: "6b0c1f0e-6f3a-4d55-9d8e-5e2f6c1d7a01",
  name: "Peerlock Test Wallet",
  // A small violet square; wallets announce a data URI so the dapp can show it offline.
  icon:
    "data:image/svg+xml;base64," +
    Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" rx="6" fill="#6d28d9"/><path d="M9 16l5 5 9-10" stroke="#fff" stroke-width="3" fill="none"/></svg>',
    ).toString("base64"),
  rdns: "dev.peerlock.testwallet",
};

/** Methods a real wallet shows to the user; only these can be rejected. */
const PROMPTS = new Set([
  "eth_requestAccounts",
  "wallet_requestPermissions",
  "eth_sendTransaction",
  "personal_sign",
  "eth_sign",
  "eth_signTypedData_v4",
  "wallet_switchEthereumChain",
  "wallet_addEthereumChain",
  "wallet_watchAsset",
]);

export const USER_REJECTED = { code: 4001, message: "User rejected the request." } as const;

export type WalletCall = { method: string; params: unknown; reply: BridgeReply };

export class TestWallet {
  role: Role = "maker";
  chainId: number = APP_CHAIN_ID;
  /** Whether the site may see the account (eth_accounts answers [] until eth_requestAccounts). */
  authorized = false;
  /** Every request the app made, with what the wallet answered: journeys assert on it. */
  readonly calls: WalletCall[] = [];
  private rejectNextPrompt = false;
  private arbiterSignatures = 0;
  private heldPrompt: { reached: () => void; released: Promise<void> } | undefined;
  private readonly knownChains = new Set([APP_CHAIN_ID, OTHER_CHAIN_ID]);
  private context: BrowserContext | undefined;
  private readonly rpcUrl: string;

  constructor(rpcUrl: string) {
    this.rpcUrl = rpcUrl;
  }

  get address(): Address {
    return ROLES[this.role];
  }

  /** Injects the provider into every page of `context` before the page's own scripts run. */
  async install(context: BrowserContext): Promise<void> {
    this.context = context;
    await context.exposeBinding(BRIDGE_BINDING, (_source, payload: { method: string; params: unknown }) => this.handle(payload));
    await context.addInitScript(installTestWallet, WALLET_INFO);
  }

  /** Selects another dev account, like picking it in the extension; a connected site hears about it. */
  async use(role: Role): Promise<void> {
    if (role === this.role) return;
    this.role = role;
    if (this.authorized) await this.emit("accountsChanged", [this.address]);
  }

  /** Moves the wallet to another chain on its own, as a user does in the extension. */
  async switchChain(chainId: number): Promise<void> {
    if (chainId === this.chainId) return;
    this.chainId = chainId;
    await this.emit("chainChanged", numberToHex(chainId));
  }

  /** The next prompt (connect, transaction, signature, chain switch) is refused with code 4001. */
  rejectNext(): void {
    this.rejectNextPrompt = true;
  }

  /**
   * Keeps the next prompt open, like a person who has not clicked yet, so a test can see the
   * app's "confirm in your wallet" state. `reached` resolves when the app asks; `release` answers.
   */
  holdNextPrompt(): { reached: Promise<void>; release: () => void } {
    let reached!: () => void;
    let release!: () => void;
    const reachedPromise = new Promise<void>((r) => (reached = r));
    const released = new Promise<void>((r) => (release = r));
    this.heldPrompt = { reached, released };
    return { reached: reachedPromise, release };
  }

  get rejectionPending(): boolean {
    return this.rejectNextPrompt;
  }

  /** Transactions the wallet actually sent, from a given index of `calls` on. */
  sentTransactions(fromCall = 0): Hex[] {
    return this.calls
      .slice(fromCall)
      .filter((c) => c.method === "eth_sendTransaction" && typeof c.reply.result === "string")
      .map((c) => c.reply.result as Hex);
  }

  private async handle(payload: { method: string; params: unknown }): Promise<BridgeReply> {
    const reply = await this.answer(payload.method, Array.isArray(payload.params) ? payload.params : []);
    this.calls.push({ method: payload.method, params: payload.params, reply });
    return reply;
  }

  private async answer(method: string, params: unknown[]): Promise<BridgeReply> {
    if (PROMPTS.has(method) && this.heldPrompt) {
      const held = this.heldPrompt;
      this.heldPrompt = undefined;
      held.reached();
      await held.released;
    }
    if (PROMPTS.has(method) && this.rejectNextPrompt) {
      this.rejectNextPrompt = false;
      return { error: { ...USER_REJECTED } };
    }
    switch (method) {
      case "eth_chainId":
        return { result: numberToHex(this.chainId) };
      case "net_version":
        return { result: String(this.chainId) };
      case "eth_accounts":
        return { result: this.authorized ? [this.address] : [] };
      case "eth_requestAccounts":
        return this.authorize().then(() => ({ result: [this.address] }));
      case "wallet_requestPermissions":
        await this.authorize();
        return { result: [{ parentCapability: "eth_accounts", caveats: [] }] };
      case "wallet_getPermissions":
        return { result: this.authorized ? [{ parentCapability: "eth_accounts", caveats: [] }] : [] };
      case "wallet_revokePermissions":
        if (this.authorized) {
          this.authorized = false;
          await this.emit("accountsChanged", []);
        }
        return { result: null };
      case "wallet_addEthereumChain":
        this.knownChains.add(Number((params[0] as { chainId: Hex }).chainId));
        return { result: null };
      case "wallet_switchEthereumChain": {
        const target = Number((params[0] as { chainId: Hex }).chainId);
        if (!this.knownChains.has(target)) return { error: { code: 4902, message: `Unrecognized chain ID ${numberToHex(target)}.` } };
        await this.switchChain(target);
        return { result: null };
      }
      case "eth_sendTransaction":
      case "personal_sign":
      case "eth_sign":
      case "eth_signTypedData_v4":
        return this.signOrSend(method, params);
      default:
        return this.forward(method, params);
    }
  }

  private async authorize(): Promise<void> {
    if (this.authorized) return;
    this.authorized = true;
    await this.emit("accountsChanged", [this.address]);
  }

  private async signOrSend(method: string, params: unknown[]): Promise<BridgeReply> {
    if (!this.authorized) return { error: { code: 4100, message: "The requested account has not been authorized by the user." } };
    if (this.chainId !== APP_CHAIN_ID) {
      // The fake chain has no node behind it: a dapp must switch before it asks for a signature.
      return { error: { code: 4901, message: `The test wallet is on chain ${this.chainId}, which it cannot sign for.` } };
    }
    if (method === "eth_sendTransaction") {
      const tx = { ...(params[0] as Record<string, unknown>), from: this.address };
      return this.forward(method, [tx]);
    }
    const reply = await this.forward(method, params);
    // The arbiter's wallet signs typed data like a randomized signer: every other signature is the
    // same one's other valid form, so the app must fall back to a random in-browser room key.
    if (method === "eth_signTypedData_v4" && this.role === "arbiter" && ++this.arbiterSignatures % 2 === 0 && "result" in reply) {
      return { result: otherValidForm(reply.result as Hex) };
    }
    return reply;
  }

  private async forward(method: string, params: unknown[]): Promise<BridgeReply> {
    try {
      const response = await fetch(this.rpcUrl, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }),
      });
      const body = (await response.json()) as BridgeReply;
      return body.error ? { error: body.error } : { result: body.result };
    } catch (error) {
      return { error: { code: -32603, message: `The test wallet could not reach ${this.rpcUrl}: ${String(error)}` } };
    }
  }

  /** Fires a provider event in every open page (pages that are closing are skipped). */
  private async emit(event: string, value: unknown): Promise<void> {
    const pages = this.context?.pages() ?? [];
    await Promise.all(
      pages.map((page) =>
        page
          .evaluate(
            ([global, name, payload]) => (window as unknown as Record<string, { emit(e: string, v: unknown): void }>)[global]?.emit(name, payload),
            [EMITTER_GLOBAL, event, value] as const,
          )
          .catch(() => undefined),
      ),
    );
  }
}

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

/** The same ECDSA signature's other valid form (s' = n - s, the other y parity). */
function otherValidForm(signature: Hex): Hex {
  const { r, s, yParity } = parseSignature(signature);
  return serializeSignature({ r, s: numberToHex(SECP256K1_N - hexToBigInt(s), { size: 32 }), yParity: yParity === 0 ? 1 : 0 });
}
