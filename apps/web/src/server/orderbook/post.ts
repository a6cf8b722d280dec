import { describeSignedSwapError, hashOrder, type SignedOrderWithSignature } from "@peerlock/sdk";
import { eq } from "drizzle-orm";
import { type Hex, recoverAddress, size } from "viem";
import { chainClient, ChainUnavailable } from "../shared/chain";
import { getDb } from "../shared/db/client";
import { HttpError } from "../shared/http/errors";
import { orderbookConfig } from "./config";
import { readFillability } from "./fillable";
import { type OrderRow, rowValues } from "./rows";
import { signedOrders } from "./schema";

/** A refusal naming SignedSwap's reasons, in the SDK's words (422: well-formed, but not fillable). */
function refuse(reasons: string[], message: string): never {
  throw new HttpError(422, message, {}, { reasons });
}

/** The order was signed for this app's chain and SignedSwap, or a 422 saying where it belongs. */
export function assertVenue(signed: SignedOrderWithSignature): void {
  const { chainId, signedSwap } = orderbookConfig();
  if (!signedSwap) throw new ChainUnavailable("Signed offers are not deployed on this app's chain.");
  if (signed.chainId !== chainId)
    refuse(["WrongChain"], `This order was signed for chain ${signed.chainId}; this order book is for chain ${chainId}.`);
  if (signed.verifyingContract !== signedSwap) {
    refuse(["WrongContract"], `This order was signed for the contract ${signed.verifyingContract}, not this app's SignedSwap (${signedSwap}).`);
  }
}

/**
 * Stores a signed order once it would fill: right chain and contract, signed by its maker (an
 * EOA's signature is recovered here; a contract wallet's EIP-1271 answer comes from `check`),
 * not expired, and SignedSwap's `check` (taker 0, the whole rest) finds nothing wrong on the
 * maker's side. A repost of a stored order returns it unchanged.
 */
export async function postOrder(signed: SignedOrderWithSignature): Promise<{ row: OrderRow; created: boolean }> {
  assertVenue(signed);
  const { order } = signed;
  const orderHash = hashOrder(order, signed).toLowerCase() as Hex;
  const db = await getDb();
  const [existing] = await db.select().from(signedOrders).where(eq(signedOrders.orderHash, orderHash));
  if (existing) return { row: existing, created: false };

  if (order.expiry !== 0n && order.expiry <= BigInt(Math.floor(Date.now() / 1000))) refuse(["OrderExpired"], describeSignedSwapError("OrderExpired"));

  const client = chainClient();
  let fillability: Awaited<ReturnType<typeof readFillability>>;
  try {
    const code = await client.getCode({ address: order.maker });
    if (!code || code === "0x") await assertEoaSignature(orderHash, signed.signature, order.maker);
    fillability = await readFillability(client, signed);
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new ChainUnavailable("The chain could not be read to check this order; try again.");
  }
  const { problems, filled } = fillability;
  if (problems.length > 0)
    refuse(
      problems.map((p) => p.name),
      problems.map((p) => p.message).join(" "),
    );

  const [row] = await db
    .insert(signedOrders)
    .values(rowValues(signed, orderHash, filled))
    .onConflictDoNothing({ target: signedOrders.orderHash })
    .returning();
  if (row) return { row, created: true };
  // a concurrent post of the same order won the insert
  const [stored] = await db.select().from(signedOrders).where(eq(signedOrders.orderHash, orderHash));
  return { row: stored!, created: false };
}

/** An EOA maker's signature: 65 bytes that recover to the maker (SignedSwap also demands a low `s`, which `check` verifies). */
async function assertEoaSignature(orderHash: Hex, signature: Hex, maker: string): Promise<void> {
  let signer: string | undefined;
  if (size(signature) === 65) signer = await recoverAddress({ hash: orderHash, signature }).catch(() => undefined);
  if (signer !== maker) refuse(["InvalidSignature"], describeSignedSwapError("InvalidSignature"));
}
