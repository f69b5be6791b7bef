import { describe, expect, it } from 'vitest';
import { loadChunk, whenControlled } from './load-chunk.ts';

/** A service worker container that gains a controller when `claim()` is called. */
function fakeContainer() {
  const target = new EventTarget() as EventTarget & { controller: object | null; claim(): void };
  target.controller = null;
  target.claim = () => {
    target.controller = {};
    target.dispatchEvent(new Event('controllerchange'));
  };
  return target;
}

describe('loadChunk', () => {
  it('asks again once the page is controlled, when the first fetch failed', async () => {
    let calls = 0;
    const load = () =>
      ++calls === 1 ? Promise.reject(new TypeError('Failed to fetch')) : Promise.resolve('screen');
    expect(await loadChunk(load, () => Promise.resolve(true))).toBe('screen');
    expect(calls).toBe(2);
  });

  it('passes the failure on when no worker will control the page', async () => {
    const load = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(loadChunk(load, () => Promise.resolve(false))).rejects.toThrow('Failed to fetch');
  });
});

describe('whenControlled', () => {
  it('waits for the worker to claim the page', async () => {
    const sw = fakeContainer();
    const controlled = whenControlled(sw as unknown as ServiceWorkerContainer, 1000);
    setTimeout(() => sw.claim(), 10);
    expect(await controlled).toBe(true);
  });

  it('gives up when no worker claims the page in time', async () => {
    const sw = fakeContainer();
    expect(await whenControlled(sw as unknown as ServiceWorkerContainer, 20)).toBe(false);
  });
});
