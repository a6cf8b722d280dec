// The browser-side cost of end-to-end encryption (SPEC v3) per item, measured with the SDK's own
// functions on this machine: sealing and opening a chat message and the payment details, a
// 1 MB evidence file, and wrapping/unwrapping a deal key. p50/p99 in microseconds.
import { newDealKey, openBytes, openText, randomRoomKey, sealBytes, sealText, unwrapDealKey, wrapDealKey, type DealContext } from "@peerlock/sdk";
import type { Address } from "viem";

type Row = { what: string; p50: number; p99: number };

function measure(what: string, runs: number, fn: () => void): Row {
  for (let i = 0; i < Math.min(50, runs); i++) fn(); // warm up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1_000);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { what, p50: at(0.5), p99: at(0.99) };
}

export function sealCosts(): Row[] {
  const context: DealContext = { chainId: 31337, escrow: "0x5FbDB2315678afecb367f032d93F642f64180aa3", dealId: 7n };
  const key = newDealKey();
  const reader = randomRoomKey();
  const wallet: Address = "0x90F79bf6EB2c4f870365E785982E1f101E93b906";
  const message = "Paid by SEPA, reference PEERLOCK-7. ".repeat(6);
  const sealedMessage = sealText(key, message, context, "message");
  const details = "IBAN DE89 3704 0044 0532 0130 00, Erika Mustermann";
  const file = new Uint8Array(1024 * 1024).fill(7);
  const sealedFile = sealBytes(key, file, context, "evidence");
  const wrap = wrapDealKey(key, { wallet, publicKey: reader.publicKey }, context);
  return [
    measure("seal a message (200 chars)", 2_000, () => sealText(key, message, context, "message")),
    measure("open a message", 2_000, () => openText(key, sealedMessage, context, "message")),
    measure("seal the payment details", 2_000, () => sealText(key, details, context, "details")),
    measure("seal a 1 MB evidence file", 50, () => sealBytes(key, file, context, "evidence")),
    measure("open a 1 MB evidence file", 50, () => openBytes(key, sealedFile, context, "evidence")),
    measure("wrap a deal key (X25519)", 300, () => wrapDealKey(key, { wallet, publicKey: reader.publicKey }, context)),
    measure("unwrap a deal key", 300, () => unwrapDealKey(wrap, { wallet, secretKey: reader.secretKey }, context)),
  ];
}

export function printSealCosts(rows: Row[]): void {
  console.log("  encryption in the browser (per item, this machine's CPU):");
  for (const r of rows) console.log(`    ${r.what.padEnd(30)} p50 ${r.p50.toFixed(0).padStart(6)} µs, p99 ${r.p99.toFixed(0).padStart(6)} µs`);
}
