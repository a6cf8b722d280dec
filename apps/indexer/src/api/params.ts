// Every query and path parameter of the read API, validated with zod. Anything else (wrong
// types, limits over the cap, unknown parameters, SQL-looking text) is a 400 with a plain message.
import { UINT_MAX } from "@peerlock/sdk";
import { z } from "zod";

export const MAX_PAGE_SIZE = 100;

export const address = z
  .string()
  .regex(/^0x[0-9a-fA-F]{40}$/, "must be a 0x-prefixed 20-byte hex address")
  .transform((a) => a.toLowerCase() as `0x${string}`);

export const tradeId = z
  .string()
  .regex(/^[1-9][0-9]{0,77}$/, "must be a positive whole number")
  .transform((s) => BigInt(s))
  .refine((n) => n <= UINT_MAX.uint256, "must fit in a uint256");

const limit = z
  .string()
  .regex(/^[0-9]{1,4}$/, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`)
  .transform(Number)
  .pipe(z.number().int().min(1, `must be a whole number from 1 to ${MAX_PAGE_SIZE}`).max(MAX_PAGE_SIZE, `must be at most ${MAX_PAGE_SIZE}`))
  .default("20");

/** The cursor is the id of the last row of the previous page. */
const cursor = tradeId.optional();

export const offersQuery = z.strictObject({
  sellToken: address.optional(),
  buyToken: address.optional(),
  maker: address.optional(),
  sort: z.enum(["newest", "priceAsc", "priceDesc"]).default("newest"),
  limit,
  cursor,
});

export const dealsQuery = z.strictObject({
  token: address.optional(),
  seller: address.optional(),
  sort: z.enum(["newest", "amountAsc", "amountDesc"]).default("newest"),
  limit,
  cursor,
});

export const tradesQuery = z.strictObject({
  role: z.enum(["maker", "taker", "seller", "buyer", "arbiter"]),
  limit,
  cursor,
});

export const pageQuery = z.strictObject({ limit, cursor });

export const reputationBatchQuery = z.strictObject({
  addresses: z
    .string()
    .max(43 * MAX_PAGE_SIZE, `at most ${MAX_PAGE_SIZE} addresses`)
    .transform((s) => s.split(","))
    .pipe(z.array(address).min(1).max(MAX_PAGE_SIZE, `at most ${MAX_PAGE_SIZE} addresses`)),
});

/** A 0x-prefixed 32-byte hex value (an EIP-712 order digest). */
export const orderHash = z
  .string()
  .regex(/^0x[0-9a-fA-F]{64}$/, "must be a 0x-prefixed 32-byte hex hash")
  .transform((h) => h.toLowerCase() as `0x${string}`);

/**
 * Signed fills have no numeric id: their cursor is `<block>-<log index>` of the previous
 * page's last row, as the API returns it in `nextCursor`.
 */
const eventCursor = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,19})-(0|[1-9][0-9]{0,8})$/, "must be <block>-<log index> as nextCursor gives it")
  .transform((s) => {
    const [block, logIndex] = s.split("-");
    return { blockNumber: BigInt(block!), logIndex: Number(logIndex) };
  })
  .optional();

export type EventCursor = NonNullable<z.output<typeof eventCursor>>;

export const signedFillsQuery = z.strictObject({ maker: address.optional(), taker: address.optional(), limit, cursor: eventCursor });

export const signedPageQuery = z.strictObject({ limit, cursor: eventCursor });

export const noQuery = z.strictObject({});

export class BadRequest extends Error {}

/** Parses with `schema` or throws a BadRequest naming the first problem in plain words. */
export function parse<S extends z.ZodType>(schema: S, input: unknown, name?: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = issue.path.length ? issue.path.join(".") : name;
  const where = path ? `${path}: ` : "";
  const message = issue.code === "unrecognized_keys" ? `unknown parameter ${issue.keys.map((k) => `"${k}"`).join(", ")}` : `${where}${issue.message}`;
  throw new BadRequest(message);
}
