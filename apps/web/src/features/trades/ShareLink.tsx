import { CopyButton } from "@/components/CopyButton";

/** The "Share" part of a trade's details card: the link to send, and a button that copies it. */
export function ShareLink({ link }: { link: string }) {
  return (
    <>
      <h2 className="subhead">Share</h2>
      {/* Long links (terms in the fragment) are cut to one line on narrow screens; the full one is copied and on hover. */}
      <p className="mono share-link" data-testid="share-link" title={link}>
        {link}
      </p>
      <CopyButton text={link} />
    </>
  );
}
