/** Environment reads shared by the deal room and the order book, with their deprecated names. */
const warned = new Set<string>();

function warnOnce(message: string): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`peerlock: ${message}`);
}

/** `name`, else the deprecated `old` (with a one-time warning), else undefined. Empty counts as unset. */
export function envWithAlias(name: string, old: string): string | undefined {
  const value = process.env[name];
  if (value) return value;
  const legacy = process.env[old];
  if (legacy) {
    warnOnce(`${old} is deprecated; set ${name} instead.`);
    return legacy;
  }
  return undefined;
}

export function envNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  return raw !== undefined && raw !== "" && Number.isFinite(Number(raw)) ? Number(raw) : fallback;
}

export { warnOnce };
