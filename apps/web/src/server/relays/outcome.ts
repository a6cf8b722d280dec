import { isHttpError } from "../shared/http/errors";

/** What the ingest did with one relay event: stored (new), already held, or refused and why. */
export type IngestOutcome = { result: "stored" | "known" | "refused"; reason?: string };

export const refused = (reason: string): IngestOutcome => ({ result: "refused", reason });

/**
 * The API's refusals (an HttpError: bad signature, not a party, not fillable…) become a refused
 * outcome; a chain that cannot be read is thrown, so the caller may try the event again later.
 */
export async function asOutcome(store: () => Promise<boolean>): Promise<IngestOutcome> {
  try {
    return { result: (await store()) ? "stored" : "known" };
  } catch (error) {
    if (isHttpError(error) && error.status === 503) throw error; // ChainUnavailable among them
    if (isHttpError(error)) return refused(error.message);
    throw error;
  }
}
