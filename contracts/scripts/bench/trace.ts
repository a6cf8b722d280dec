/**
 * Where the gas of one benchmark row goes, opcode by opcode: measure before optimizing.
 *
 *   SCENARIO="fillOffer|full, ERC-20 buy leg" MODE=warm pnpm exec hardhat run scripts/bench/trace.ts
 *
 * Prints every storage access, log, code-size check and call (with the gas the call used,
 * children included) indented by call depth, then the escrow's remaining "plain" opcode gas.
 * With LINES=<contract name> (the contract called, e.g. LINES=SignedSwap), also splits that
 * plain gas by the source line each opcode was compiled from, most expensive first.
 */
import { scenarios, warmUp, type Mode } from "./scenarios.ts";
import { sourceLocator } from "./source-lines.ts";
import { createWorld } from "./world.ts";

interface StructLog {
  op: string;
  pc: number;
  gas: number;
  gasCost: number;
  depth: number;
}

const wanted = process.env.SCENARIO ?? "fillOffer|full, ERC-20 buy leg";
const mode = (process.env.MODE ?? "warm") as Mode;
const scenario = scenarios.find((s) => `${s.call}|${s.variant}` === wanted);
if (!scenario) {
  console.log(`No scenario "${wanted}". Known:\n${scenarios.map((s) => `  ${s.call}|${s.variant}`).join("\n")}`);
} else {
  const world = await createWorld();
  if (mode === "warm") await warmUp(world);
  const gasUsed = await scenario.run(world, mode);
  // the measured transaction is the last one each scenario sends
  const block = await world.publicClient.getBlock();
  const hash = block.transactions[block.transactions.length - 1];
  const trace = (await world.provider.request({
    method: "debug_traceTransaction",
    params: [hash, { disableMemory: true, disableStorage: true }],
  })) as { structLogs: StructLog[] };
  const logs = trace.structLogs;

  const shown = new Set(["SLOAD", "SSTORE", "TLOAD", "TSTORE", "EXTCODESIZE", "BALANCE", "LOG1", "LOG2", "LOG3", "LOG4"]);
  const calls = new Set(["CALL", "STATICCALL", "DELEGATECALL"]);
  let plain = 0;
  const locate = process.env.LINES ? await sourceLocator(process.env.LINES) : undefined;
  const byLine = new Map<string, { gas: number; steps: number }>();
  logs.forEach((log, i) => {
    const indent = "  ".repeat(log.depth - 1);
    if (calls.has(log.op)) {
      // a call's cost is what the caller's gas dropped by when control came back
      let next = i + 1;
      while (next < logs.length && logs[next].depth > log.depth) next++;
      const used = next < logs.length ? log.gas - logs[next].gas : log.gasCost;
      console.log(`${indent}${log.op} pc=${log.pc} used=${used}`);
    } else if (shown.has(log.op)) {
      console.log(`${indent}${log.op} pc=${log.pc} ${log.gasCost}`);
    } else if (log.depth === 1) {
      plain += log.gasCost;
      if (locate) {
        const at = locate(log.pc);
        const line = byLine.get(at) ?? { gas: 0, steps: 0 };
        byLine.set(at, { gas: line.gas + log.gasCost, steps: line.steps + 1 });
      }
    }
  });
  console.log(`\n${scenario.call} (${scenario.variant}), ${mode}: gasUsed ${gasUsed}`);
  console.log(`escrow opcodes other than those listed: ${plain} gas over ${logs.filter((l) => l.depth === 1).length} steps`);
  if (byLine.size > 0) {
    console.log("\nthat plain gas by source line:");
    for (const [at, { gas, steps }] of [...byLine].sort((a, b) => b[1].gas - a[1].gas)) {
      console.log(`${String(gas).padStart(6)} gas ${String(steps).padStart(4)} steps  ${at}`);
    }
  }
}
