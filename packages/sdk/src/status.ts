import { dealStatusNames, offerStatusNames } from "./generated/enums.js";

export function offerStatusName(status: number): string {
  return offerStatusNames[status] ?? "Unknown";
}

export function dealStatusName(status: number): string {
  return dealStatusNames[status] ?? "Unknown";
}
