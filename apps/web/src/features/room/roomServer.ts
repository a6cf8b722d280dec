/**
 * Whether the app's deal-room server answers, as the last call to it found out. The room treats
 * the server as a cache: when it cannot be reached (network error or a 5xx), the room reads and
 * writes through the relays only, and says so.
 */
type Listener = () => void;

let down = false;
const listeners = new Set<Listener>();

export function reportRoomServer(reachable: boolean): void {
  if (down === !reachable) return;
  down = !reachable;
  for (const l of listeners) l();
}

export const roomServerDown = () => down;

export function onRoomServer(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A network failure or a server error: the server is down for the room's purposes (a 4xx is an answer). */
export const isUnreachable = (status: number) => status === 0 || status >= 500;
