// On a phone every `.table` is one card per row (styles.css), each cell introduced by its column's
// name. The names come from the table's own header, copied onto the cells as `data-label` as rows
// render, so no screen has to repeat its column names in every cell.

function labelTable(table: HTMLTableElement) {
  const names = [...(table.tHead?.rows[0]?.cells ?? [])].map((th) => th.textContent?.trim() ?? '');
  if (names.length === 0) return;
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      // A row spanning columns (an inline form, a detail panel) has no column names to show.
      if ([...row.cells].some((c) => c.colSpan > 1)) continue;
      [...row.cells].forEach((cell, i) => {
        const name = names[i];
        if (name && !cell.hasAttribute('data-label')) cell.setAttribute('data-label', name);
      });
    }
  }
}

export function labelTables(root: ParentNode) {
  root.querySelectorAll<HTMLTableElement>('table.table').forEach(labelTable);
}

/** Keeps labelling tables as screens render them; returns a function that stops it. */
export function watchTableLabels(root: HTMLElement): () => void {
  let queued = false;
  const observer = new MutationObserver(() => {
    if (queued) return;
    queued = true;
    // One pass per frame however many rows a render added.
    requestAnimationFrame(() => {
      queued = false;
      labelTables(root);
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  labelTables(root);
  return () => observer.disconnect();
}
