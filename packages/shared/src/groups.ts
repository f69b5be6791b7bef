// Groups are a tree: a session for "Teens" expects the members of "Junior Teens" too.
export function withDescendants(
  roots: Iterable<string>,
  groups: readonly { id: string; parentId: string | null }[],
): Set<string> {
  const children = new Map<string, string[]>();
  for (const g of groups)
    if (g.parentId) children.set(g.parentId, [...(children.get(g.parentId) ?? []), g.id]);
  const out = new Set<string>();
  const stack = [...roots];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (out.has(id)) continue; // a cycle in bad data must not loop forever
    out.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}
