import { shortAddress } from "@/lib/address";

/** A short address with the full one on hover and for screen readers. */
export function AddressText({ address, you }: { address: string; you?: boolean }) {
  return (
    <span className="mono" title={address}>
      <span aria-hidden="true" className="nowrap">
        {shortAddress(address)}
      </span>
      <span className="visually-hidden">{address}</span>
      {you ? <span className="muted"> (you)</span> : null}
    </span>
  );
}
