import { CopyButton } from "@/components/CopyButton";

/** The "Share" part of a trade's details card: the link to send, and a button that copies it. */
export function ShareLink({ link }: { link: string }) {
  return (
    <>
      <h2 className="subhead">Share</h2>
      <p className="mono" data-testid="share-link">
        {link}
      </p>
      <CopyButton text={link} />
    </>
  );
}
