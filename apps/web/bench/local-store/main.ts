// One store per page load: RxDB bundles its own Dexie (4.0.x), and two Dexie copies refuse to share a page.
const out = document.getElementById('out')!;
const store = new URLSearchParams(location.search).get('store');
async function main() {
  const run =
    store === 'rxdb'
      ? (await import('./rxdb-store.ts')).runRxdb
      : (await import('./dexie-store.ts')).runDexie;
  (globalThis as Record<string, unknown>).benchResult = await run();
  out.textContent = 'done';
}
main().catch((e: unknown) => {
  (globalThis as Record<string, unknown>).benchResult = { error: String(e) };
  out.textContent = String(e);
});
