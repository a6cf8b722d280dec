import { describe, expect, it } from "vitest";
import { describeDeadline, formatDuration, formatWindow } from "./time";

describe("formatDuration", () => {
  it("keeps the two largest units", () => {
    expect(formatDuration(12)).toBe("12s");
    expect(formatDuration(245)).toBe("4m 05s");
    expect(formatDuration(3_720)).toBe("1h 02m");
    expect(formatDuration(2 * 86_400 + 3 * 3_600 + 59)).toBe("2d 3h");
    expect(formatDuration(-5)).toBe("0s");
  });
});

describe("describeDeadline", () => {
  it("counts down, then says how long ago it ended", () => {
    expect(describeDeadline(100n, 40n)).toEqual({ text: "in 1m 00s", passed: false });
    expect(describeDeadline(100n, 100n)).toEqual({ text: "ended 0s ago", passed: true });
    expect(describeDeadline(100n, 190n)).toEqual({ text: "ended 1m 30s ago", passed: true });
  });
});

describe("formatWindow", () => {
  it("names whole units", () => {
    expect(formatWindow(300)).toBe("5 minutes");
    expect(formatWindow(3_600)).toBe("1 hour");
    expect(formatWindow(2_592_000)).toBe("30 days");
    expect(formatWindow(90)).toBe("1m 30s");
  });
});
