// The deployment path users take, end to end in-process: the Ignition module deploys both
// escrows and SignedSwap, then every trade kind runs through @peerlock/sdk's ABIs and helpers.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  DealStatus,
  dealEscrowAbi,
  decodeEscrowError,
  hashTerms,
  OfferStatus,
  quoteFill,
  readAllDeals,
  readAllOffers,
  checkOrder,
  signedSwapAbi,
  signOrder,
  swapEscrowAbi,
  testTokenAbi,
} from "@peerlock/sdk";
import { network } from "hardhat";
import { getContract, maxUint256, parseEther, parseUnits, zeroAddress } from "viem";
import DevTokensModule from "../../ignition/modules/DevTokens.ts";
import PeerlockModule from "../../ignition/modules/Peerlock.ts";

describe("Ignition deployment driven through @peerlock/sdk", async () => {
  const { ignition, viem, networkHelpers } = await network.create();
  const publicClient = await viem.getPublicClient();
  const [maker, taker, arbiter] = await viem.getWalletClients();
  const deployed = await ignition.deploy(PeerlockModule);
  const tokens = await ignition.deploy(DevTokensModule);
  const swapAddress = deployed.swapEscrow.address;
  const dealAddress = deployed.dealEscrow.address;
  const usd = tokens.usd.address;
  const weth = tokens.weth.address;
  const wait = (hash: `0x${string}`) => publicClient.waitForTransactionReceipt({ hash });

  for (const wallet of [maker, taker]) {
    for (const token of [usd, weth]) {
      const erc20 = getContract({ address: token, abi: testTokenAbi, client: wallet });
      await wait(await erc20.write.mint([wallet.account.address, parseUnits("1000000", 18)]));
      await wait(await erc20.write.approve([swapAddress, maxUint256]));
      await wait(await erc20.write.approve([dealAddress, maxUint256]));
      await wait(await erc20.write.approve([deployed.signedSwap.address, maxUint256]));
    }
  }

  it("creates, partly fills and reads an offer with the SDK's quote", async () => {
    const swap = getContract({ address: swapAddress, abi: swapEscrowAbi, client: maker });
    await wait(await swap.write.createOffer([weth, parseEther("3"), usd, parseUnits("10000", 6), zeroAddress, 0n, true]));
    const [offer] = await readAllOffers(publicClient, swapAddress);
    assert.equal(offer.id, 1n);
    assert.equal(offer.status, OfferStatus.Open);

    const fill = parseEther("1");
    const price = quoteFill(offer, fill);
    assert.equal(price, 3_333_333_334n); // 10000 tUSD / 3, rounded up in the maker's favour
    assert.equal(await publicClient.readContract({ address: swapAddress, abi: swapEscrowAbi, functionName: "quoteFill", args: [1n, fill] }), price);

    const before = await publicClient.readContract({ address: usd, abi: testTokenAbi, functionName: "balanceOf", args: [maker.account.address] });
    await wait(await getContract({ address: swapAddress, abi: swapEscrowAbi, client: taker }).write.fillOffer([1n, fill]));
    const after = await publicClient.readContract({ address: usd, abi: testTokenAbi, functionName: "balanceOf", args: [maker.account.address] });
    assert.equal(after - before, price);
    const [updated] = await readAllOffers(publicClient, swapAddress);
    assert.equal(updated.sellRemaining, parseEther("2"));
  });

  it("fills a signed offer on the SignedSwap the module deployed", async () => {
    const venue = { chainId: await publicClient.getChainId(), verifyingContract: deployed.signedSwap.address };
    const order = {
      maker: maker.account.address,
      taker: zeroAddress,
      sellToken: weth,
      sellAmount: parseEther("1"),
      buyToken: usd,
      buyAmount: parseUnits("3000", 18),
      expiry: 0n,
      nonce: 0n,
      partialFills: false,
    };
    const signed = await signOrder(maker, order, venue);
    assert.deepEqual(await checkOrder(publicClient, signed, { taker: taker.account.address }), []);
    const swap = getContract({ address: venue.verifyingContract, abi: signedSwapAbi, client: taker });
    assert.equal((await wait(await swap.write.fillOrder([order, signed.signature, order.sellAmount]))).status, "success");
    assert.equal(await swap.read.isNonceUsed([maker.account.address, 0n]), true);
  });

  it("reads a book larger than one deployless multicall can return (EIP-170's 24 KB cap)", async () => {
    const swap = getContract({ address: swapAddress, abi: swapEscrowAbi, client: maker });
    const existing = (await readAllOffers(publicClient, swapAddress)).length;
    for (let i = 0; i < 120; i++) {
      await swap.write.createOffer([usd, BigInt(i + 1), weth, 1n, zeroAddress, 0n, false]);
    }
    const offers = await readAllOffers(publicClient, swapAddress);
    assert.equal(offers.length, existing + 120);
    assert.deepEqual(
      offers.map((o) => o.id),
      offers.map((_, i) => BigInt(i + 1)),
    );
    assert.equal(offers.at(-1)?.sellAmount, 120n);
  });

  it("turns a refused fill into the SDK's plain sentence", async () => {
    const swap = getContract({ address: swapAddress, abi: swapEscrowAbi, client: maker });
    const error = await swap.simulate.fillOffer([1n, parseEther("1")]).catch((e: unknown) => e);
    assert.deepEqual({ kind: decodeEscrowError(error).kind, name: decodeEscrowError(error).name }, { kind: "contract", name: "InvalidTaker" });
  });

  it("runs a deal from listing to release, with the terms hash from the SDK", async () => {
    const terms = "Buyer pays 500 EUR by SEPA, reference PEERLOCK-TEST.";
    const asSeller = getContract({ address: dealAddress, abi: dealEscrowAbi, client: maker });
    const asBuyer = getContract({ address: dealAddress, abi: dealEscrowAbi, client: taker });
    await wait(
      await asSeller.write.openDeal([zeroAddress, parseEther("1"), zeroAddress, arbiter.account.address, 100, 3600, hashTerms(terms)], {
        value: parseEther("1"),
      }),
    );
    await wait(await asBuyer.write.takeDeal([1n]));
    await wait(await asBuyer.write.markPaid([1n]));
    const buyerBefore = await publicClient.getBalance({ address: taker.account.address });
    await wait(await asSeller.write.release([1n]));
    assert.equal((await publicClient.getBalance({ address: taker.account.address })) - buyerBefore, parseEther("1"));

    const [deal] = await readAllDeals(publicClient, dealAddress);
    assert.equal(deal.status, DealStatus.Released);
    assert.equal(deal.termsHash, hashTerms(terms));
    assert.equal(deal.buyer.toLowerCase(), taker.account.address.toLowerCase());
    await networkHelpers.mine();
  });
});
