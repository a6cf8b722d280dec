import Link from "next/link";
import { FaucetSlot } from "@/features/wallet/FaucetSlot";

/** The market's title and its two ways in, then the faucet: the same whichever source lists the book. */
export function MarketHead() {
  return (
    <>
      <div className="row spread page-head">
        <h1>Market</h1>
        <div className="row">
          <Link className="button" href="/offers/new">
            New offer
          </Link>
          <Link className="button secondary" href="/deals/new">
            New deal
          </Link>
        </div>
      </div>
      <FaucetSlot />
    </>
  );
}
