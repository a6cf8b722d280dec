// Each test file gets its own port (node --test runs files in parallel): RELAY_TEST_PORT + n.
const base = Number(process.env.RELAY_TEST_PORT || 8660);
if (!Number.isInteger(base) || base < 1 || base > 65_525) throw new Error(`RELAY_TEST_PORT must be a TCP port, got "${process.env.RELAY_TEST_PORT}"`);

export const testPort = (offset: number): number => base + offset;
