// What "fits the screen" means for the layout journey: the page does not scroll sideways, and no
// visible control or table cell is cut off, neither by the viewport nor by a box that clips it
// (an overflow:hidden/auto ancestor, or text cut with an ellipsis).
import type { Page } from "playwright-core";

export type LayoutProblem = string;

/** Every layout problem on the page as it is now; an empty list means it fits. */
export async function layoutProblems(page: Page): Promise<LayoutProblem[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = window.innerWidth;
    const doc = document.documentElement;
    if (doc.scrollWidth > width) problems.push(`the page is ${doc.scrollWidth}px wide in a ${width}px viewport (it scrolls sideways)`);

    const describe = (el: Element): string => {
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 40);
      const id = el.getAttribute("data-testid") ?? el.closest("[data-testid]")?.getAttribute("data-testid");
      return `<${el.tagName.toLowerCase()}${id ? ` in ${id}` : ""}> "${text}"`;
    };
    const visible = (el: Element): boolean => {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) return false;
      const style = getComputedStyle(el);
      return style.visibility !== "hidden" && style.display !== "none" && Number(style.opacity) > 0;
    };
    // the skip link waits off screen until focused; a visually hidden table head is for screen readers
    const offScreenOnPurpose = (el: Element): boolean => {
      if (el.getBoundingClientRect().right < -500) return true;
      for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
        const box = node.getBoundingClientRect();
        if (box.width <= 1 && box.height <= 1 && getComputedStyle(node).overflow === "hidden") return true;
      }
      return false;
    };
    const SLACK = 1;
    const controls = document.querySelectorAll("button, a[href], input:not([type=hidden]), select, textarea, th, td, [role=tab]");
    for (const el of Array.from(controls)) {
      if (!visible(el)) continue;
      // a control inside a closed <details> or a hidden dialog is not on screen
      if (el.closest("[hidden], [aria-hidden=true]") || offScreenOnPurpose(el)) continue;
      const rect = el.getBoundingClientRect();
      if (rect.left < -SLACK || rect.right > width + SLACK) {
        problems.push(`${describe(el)} spans ${Math.round(rect.left)}..${Math.round(rect.right)}px, outside the ${width}px viewport`);
        continue;
      }
      // clipped by an ancestor that hides or scrolls its overflow
      for (let parent = el.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        const overflowX = getComputedStyle(parent).overflowX;
        if (overflowX === "visible") continue;
        const box = parent.getBoundingClientRect();
        if (rect.right > box.right + SLACK || rect.left < box.left - SLACK) {
          problems.push(`${describe(el)} is cut off by its ${overflowX} container (${Math.round(rect.right)}px > ${Math.round(box.right)}px)`);
          break;
        }
      }
      // text cut short inside the control itself ("Relea…")
      const style = getComputedStyle(el);
      if (
        style.overflowX !== "visible" &&
        el.scrollWidth > el.clientWidth + SLACK &&
        el.tagName !== "SELECT" &&
        el.tagName !== "INPUT" &&
        el.tagName !== "TEXTAREA"
      ) {
        problems.push(`${describe(el)} cuts its text (${el.scrollWidth}px of text in ${el.clientWidth}px)`);
      }
    }
    return problems;
  });
}

/** Throws with every problem found, naming the page. */
export async function assertFits(page: Page, what: string): Promise<void> {
  const problems = await layoutProblems(page);
  if (problems.length > 0) {
    const size = page.viewportSize();
    throw new Error(`${what} does not fit ${size?.width}x${size?.height}:\n  ${[...new Set(problems)].join("\n  ")}`);
  }
}
