/** Keyboard moves between the visible items of a role="tree" (WAI-ARIA tree view pattern). */

function items(from: HTMLElement): HTMLElement[] {
  const tree = from.closest('[role="tree"]');
  return tree ? Array.from(tree.querySelectorAll<HTMLElement>('[role="treeitem"]')) : [];
}

export function focusSibling(from: HTMLElement, step: 1 | -1): void {
  const all = items(from);
  const i = all.indexOf(from);
  all[i + step]?.focus();
}

export function focusEdge(from: HTMLElement, edge: 'first' | 'last'): void {
  const all = items(from);
  (edge === 'first' ? all[0] : all[all.length - 1])?.focus();
}

export function focusParent(from: HTMLElement): void {
  from.parentElement?.closest<HTMLElement>('[role="treeitem"]')?.focus();
}

export function focusFirstChild(from: HTMLElement): void {
  from.querySelector<HTMLElement>(':scope > [role="group"] > [role="treeitem"]')?.focus();
}
