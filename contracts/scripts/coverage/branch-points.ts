/**
 * Branch points of one instrumented source and whether the tests took each side.
 *
 * Counted: both sides of every `if`. EDR only instruments statements, so a ternary's arms
 * and the short-circuit of `&&`/`||` (expressions) leave no hits: they are listed as
 * unmeasured, never guessed. Loops, try/catch and require/assert are listed the same way.
 */
import type { InstrumentedSource } from "./coverage-inputs.ts";
import { alwaysExits, byteRange, children, field, hitTag, statements, wrappedBody, type AstNode } from "./solc-ast.ts";

export interface Branch {
  line: number;
  condition: string;
  side: "true" | "false (else)" | "false (body skipped)";
  taken: boolean;
}

export interface Unmeasured {
  line: number;
  kind: string;
  text: string;
}

const UNMEASURED_NODES: Record<string, string> = {
  Conditional: "ternary arms",
  ForStatement: "loop",
  WhileStatement: "loop",
  DoWhileStatement: "loop",
  TryStatement: "try/catch",
};

export interface FileBranches {
  branches: Branch[];
  unmeasured: Unmeasured[];
  /** False when no statement fired: hits from another version of the file, or no test. */
  anyStatementRan: boolean;
}

export function findBranches(source: InstrumentedSource, hits: Map<string, number>): FileBranches {
  const newlines = source.text.reduce<number[]>((at, byte, i) => (byte === 0x0a ? (at.push(i), at) : at), []);
  const lineOf = (node: AstNode) => {
    const { start } = byteRange(node);
    return newlines.filter((i) => i < start).length + 1;
  };
  const textOf = (node: AstNode) => {
    const { start, end } = byteRange(node);
    return source.text.subarray(start, end).toString().replace(/\s+/g, " ");
  };
  const fired = (tag: string | undefined) => hits.get(tag ?? "") ?? 0;

  const branches: Branch[] = [];
  const unmeasured: Unmeasured[] = [];
  let anyStatementRan = false;

  const visitIf = (node: AstNode, parent: AstNode | undefined) => {
    const line = lineOf(node);
    const where = `${source.sourceName}:${line}`;
    const siblings = statements(parent) ?? [];
    const at = siblings.indexOf(node);
    // the hit just before the `if` fires whenever the `if` is reached
    const reached = hitTag(siblings[at - 1]);
    if (reached === undefined) throw new Error(`${where}: no hit call before this if (EDR changed?)`);
    const condition = textOf(field(node, "condition")!);
    const then = wrappedBody(field(node, "trueBody")!, where);
    branches.push({ line, condition, side: "true", taken: fired(then.tag) > 0 });

    const elseBody = field(node, "falseBody");
    if (elseBody !== undefined) {
      branches.push({ line, condition, side: "false (else)", taken: fired(wrappedBody(elseBody, where).tag) > 0 });
      return;
    }
    // No else, so no hit marks the false side; either rule below proves it was taken:
    // 1. The body always exits and the next statement of the same block ran: that
    //    statement is only reachable through a false condition. Code after the enclosing
    //    block, or the caller's, proves nothing: other paths (or the body) reach it too.
    // 2. The `if` was reached in more units (transactions / test runs) than its body ran:
    //    some unit reached it and never entered, i.e. saw the condition false. Sound for
    //    any body, it misses a unit that goes both ways (a loop, a fuzz run). Assumes the
    //    condition itself cannot revert, true of every condition in src today.
    const next = hitTag(siblings[at + 1]);
    const exitsThenNextRan = alwaysExits(then.body) && fired(next) > 0;
    const reachedWithoutEntering = fired(reached) > fired(then.tag);
    branches.push({ line, condition, side: "false (body skipped)", taken: exitsThenNextRan || reachedWithoutEntering });
  };

  const visit = (node: AstNode, parent: AstNode | undefined) => {
    anyStatementRan ||= fired(hitTag(node)) > 0;
    if (node.nodeType === "IfStatement") visitIf(node, parent);
    const kind =
      UNMEASURED_NODES[node.nodeType] ??
      (node.nodeType === "BinaryOperation" && (node.operator === "&&" || node.operator === "||") ? `${node.operator} short-circuit` : undefined) ??
      (node.nodeType === "FunctionCall" && ["require", "assert"].includes(String(field(node, "expression")?.name)) ? "require/assert" : undefined);
    if (kind !== undefined) unmeasured.push({ line: lineOf(node), kind, text: textOf(node) });
    for (const child of children(node)) visit(child, node);
  };
  visit(source.ast, undefined);
  // the walk meets an `else if` before its outer `if` (solc orders fields alphabetically)
  const byLine = (a: { line: number }, b: { line: number }) => a.line - b.line;
  return { branches: branches.sort(byLine), unmeasured: unmeasured.sort(byLine), anyStatementRan };
}
