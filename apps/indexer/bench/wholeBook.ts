// Today's whole-book read (what the web app's loadMarket does through @peerlock/sdk), run in its
// own process by the bench: at a large N it can run out of memory, and that is a result too.
//   node bench/wholeBook.ts <rpc url> <swap escrow> <deal escrow> <batch: 1|0>
import { readAllDeals, readAllOffers } from "@peerlock/sdk";
import { type Address, createClient, http } from "viem";

const [rpcUrl, swap, deal, batch] = process.argv.slice(2) as [string, Address, Address, string];
let bytes = 0;
const client = createClient({
  transport: http(rpcUrl, {
    batch: batch === "1",
    onFetchResponse: async (res) => {
      bytes += (await res.clone().arrayBuffer()).byteLength;
    },
  }),
});
const t = performance.now();
try {
  const [offers, deals] = await Promise.all([readAllOffers(client, swap), readAllDeals(client, deal)]);
  console.log(JSON.stringify({ ms: performance.now() - t, bytes, result: `${offers.length} offers + ${deals.length} deals` }));
} catch (error) {
  const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
  console.log(JSON.stringify({ ms: performance.now() - t, bytes, result: `FAILED: ${why}` }));
}
