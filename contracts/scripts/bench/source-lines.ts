/**
 * Maps a contract's program counters back to the source lines solc compiled them from, so
 * trace.ts can say which lines a row's gas goes to (`LINES=SignedSwap`).
 */
import { readFile } from "node:fs/promises";
import hre from "hardhat";

interface BuildInfo {
  input: { sources: Record<string, { content: string }> };
}
interface BuildOutput {
  output: {
    sources: Record<string, { id: number }>;
    contracts: Record<string, Record<string, { evm: { deployedBytecode: { object: string; sourceMap: string } } }>>;
  };
}

/** Where an instruction came from: "file:line  source text", or "(compiler)" without a source. */
export type Locate = (pc: number) => string;

/** The instruction index of every pc (PUSH1..PUSH32 carry 1..32 bytes of immediate). */
function instructionIndex(code: Uint8Array): Map<number, number> {
  const index = new Map<number, number>();
  let n = 0;
  for (let pc = 0; pc < code.length; n++) {
    index.set(pc, n);
    const op = code[pc];
    pc += op >= 0x60 && op <= 0x7f ? op - 0x5e : 1;
  }
  return index;
}

/** The `s:l:f` of each instruction, with solc's compression (an empty field repeats the last). */
function decodeSourceMap(map: string): { start: number; file: number }[] {
  let start = -1;
  let file = -1;
  return map.split(";").map((entry) => {
    const [s, , f] = entry.split(":");
    if (s !== undefined && s !== "") start = Number(s);
    if (f !== undefined && f !== "") file = Number(f);
    return { start, file };
  });
}

export async function sourceLocator(contractName: string): Promise<Locate> {
  const buildInfoId = await hre.artifacts.getBuildInfoId(contractName);
  const inputPath = buildInfoId && (await hre.artifacts.getBuildInfoPath(buildInfoId));
  const outputPath = buildInfoId && (await hre.artifacts.getBuildInfoOutputPath(buildInfoId));
  if (!inputPath || !outputPath) throw new Error(`no build info for ${contractName}`);
  const input = JSON.parse(await readFile(inputPath, "utf8")) as BuildInfo;
  const output = JSON.parse(await readFile(outputPath, "utf8")) as BuildOutput;

  const unit = Object.values(output.output.contracts).find((c) => c[contractName])?.[contractName];
  if (!unit) throw new Error(`${contractName} is not in its build output`);
  const { object, sourceMap } = unit.evm.deployedBytecode;
  const index = instructionIndex(Buffer.from(object, "hex"));
  const entries = decodeSourceMap(sourceMap);
  const files = new Map(Object.entries(output.output.sources).map(([name, { id }]) => [id, name]));

  return (pc) => {
    const entry = entries[index.get(pc) ?? -1];
    const name = entry && files.get(entry.file);
    if (!name || entry.start < 0) return "(compiler)";
    const content = input.input.sources[name].content;
    const line = content.slice(0, entry.start).split("\n").length;
    const text = content.split("\n")[line - 1].trim().slice(0, 90);
    return `${name.split("/").pop()}:${line}  ${text}`;
  };
}
