/** What filling `sellAmount` of an order pays its maker: ceil(sellAmount * buyAmount / orderSell), as SignedSwap rounds. */
export function signedFillCost(order: { sellAmount: bigint; buyAmount: bigint }, sellAmount: bigint): bigint {
  if (order.sellAmount === 0n) return 0n;
  return (sellAmount * order.buyAmount + order.sellAmount - 1n) / order.sellAmount;
}
