/** The few facts about solc's JSON AST (of an EDR-instrumented source) the report needs. */

export interface AstNode {
  nodeType: string;
  /** `start:length:fileIndex`, in bytes of the compiled text. */
  src: string;
  [field: string]: unknown;
}

function isNode(value: unknown): value is AstNode {
  return typeof value === "object" && value !== null && typeof (value as { nodeType?: unknown }).nodeType === "string";
}

export function children(node: AstNode): AstNode[] {
  return Object.values(node).flatMap((value) => (Array.isArray(value) ? value.filter(isNode) : isNode(value) ? [value] : []));
}

export function field(node: AstNode, name: string): AstNode | undefined {
  const value = node[name];
  return isNode(value) ? value : undefined;
}

export function statements(node: AstNode | undefined): AstNode[] | undefined {
  const value = node?.statements;
  return Array.isArray(value) ? value.filter(isNode) : undefined;
}

export function byteRange(node: AstNode): { start: number; end: number } {
  const [start, length] = node.src.split(":").map(Number);
  return { start, end: start + length };
}

/**
 * The tag of `__NomicFoundationCoverage.sendHit(0x<tag>);`, the call EDR puts before every
 * statement; undefined for any other node. Tags are 32 bytes, hex as in coverage/data.
 */
export function hitTag(node: AstNode | undefined): string | undefined {
  const call = node?.nodeType === "ExpressionStatement" ? field(node, "expression") : undefined;
  const callee = call?.nodeType === "FunctionCall" ? field(call, "expression") : undefined;
  if (callee?.nodeType !== "MemberAccess" || callee.memberName !== "sendHit") return undefined;
  if (field(callee, "expression")?.name !== "__NomicFoundationCoverage") return undefined;
  const [tag] = (call!.arguments as AstNode[]).map((arg) => String(arg.value));
  return tag.slice(2).toLowerCase().padStart(64, "0");
}

/**
 * EDR turns each branch body `S` into `{ sendHit(tag); S }`, so the tag fires exactly when
 * the branch is entered. Throws when the shape differs: a silent miss would under-report.
 */
export function wrappedBody(body: AstNode, where: string): { tag: string; body: AstNode } {
  const inner = statements(body);
  const tag = hitTag(inner?.[0]);
  if (body.nodeType !== "Block" || inner?.length !== 2 || tag === undefined) {
    throw new Error(`${where}: branch body is not wrapped as { sendHit(tag); body } (EDR changed?)`);
  }
  return { tag, body: inner[1] };
}

/**
 * True when no path through `statement` reaches the next one. Read from syntax alone, so a
 * call to a function that always reverts counts as falling through: that only costs the
 * stronger false-branch rule, never a wrong "covered".
 */
export function alwaysExits(statement: AstNode): boolean {
  switch (statement.nodeType) {
    case "Return":
    case "RevertStatement":
    case "Break":
    case "Continue":
      return true;
    case "Block":
    case "UncheckedBlock": {
      const list = statements(statement) ?? [];
      return list.length > 0 && alwaysExits(list[list.length - 1]);
    }
    case "IfStatement": {
      const other = field(statement, "falseBody");
      return other !== undefined && alwaysExits(field(statement, "trueBody")!) && alwaysExits(other);
    }
    case "ExpressionStatement": {
      const call = field(statement, "expression");
      return call?.nodeType === "FunctionCall" && field(call, "expression")?.name === "revert";
    }
    default:
      return false;
  }
}
