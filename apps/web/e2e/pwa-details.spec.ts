// Details of the installed app: a manifest that lets a tablet stand in landscape with a dark
// title bar, a sign-in page that does not download the usher's screens, hashed code cached for
// good, and install steps on iPhone and iPad (Safari never offers to install by itself).
import { expect, test, type Page } from '@playwright/test';
import { AppPage } from './page-models/app-page.ts';
import { launchServer, type TestServer } from './support/server.ts';

let server: TestServer;
test.beforeAll(async () => {
  server = await launchServer();
});
test.afterAll(async () => {
  await server?.dispose();
});

const IPHONE_UA =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

/** Relative luminance of a #rrggbb colour, 0 (black) to 1 (white). */
const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

test('the manifest allows landscape and has a dark theme colour, as the page does', async ({
  page,
}) => {
  await page.goto(server.url);
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = (await (
    await page.request.get(new URL(href ?? '', server.url).href)
  ).json()) as {
    orientation?: string;
    theme_color: string;
  };
  expect(['any', 'natural', undefined]).toContain(manifest.orientation);
  expect(luminance(manifest.theme_color)).toBeLessThan(0.05);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute(
    'content',
    manifest.theme_color,
  );
});

/** Every script the page itself loads, by URL, with its size. */
function scriptsOf(page: Page) {
  const scripts = new Map<string, { bytes: number; cacheControl: string | undefined }>();
  page.on('response', (res) => {
    if (res.request().resourceType() !== 'script') return;
    void res
      .body()
      .then((b) =>
        scripts.set(new URL(res.url()).pathname, {
          bytes: b.length,
          cacheControl: res.headers()['cache-control'],
        }),
      )
      .catch(() => undefined);
  });
  return scripts;
}
const bytes = (m: Map<string, { bytes: number }>) =>
  [...m.values()].reduce((sum, s) => sum + s.bytes, 0);

test('the sign-in page loads less code than the signed-in app, and none of its screens', async ({
  page,
}) => {
  const scripts = scriptsOf(page);
  await page.goto(server.url);
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  const signIn = new Map(scripts);
  expect([...signIn.keys()].filter((p) => /screen|account-menu|status-bar/.test(p))).toEqual([]);
  // Not an iPhone: no install steps for one.
  await expect(page.getByRole('note', { name: 'Install on iPhone or iPad' })).toHaveCount(0);

  await new AppPage(page, server.url).login('usher1@demo.rollcall.test');
  await new AppPage(page, server.url).openSession();
  // The app keeps a stream open after sign-in, so the network is never idle: wait for the code.
  await expect.poll(() => [...scripts.keys()].some((p) => /checkin-screen/.test(p))).toBe(true);
  const all = new Map(scripts);
  expect(bytes(signIn)).toBeLessThan(bytes(all));
  // Each file's name is its content's hash: browsers may keep it for a year without asking.
  for (const [path, s] of all)
    if (path.startsWith('/assets/') && s.cacheControl)
      expect(s.cacheControl, path).toBe('public, max-age=31536000, immutable');
});

test('an iPhone is told how to install from the Share menu, until it says it has seen it', async ({
  browser,
}) => {
  const context = await browser.newContext({
    userAgent: IPHONE_UA,
    hasTouch: true,
    isMobile: true,
    viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto(server.url);
  const hint = page.getByRole('note', { name: 'Install on iPhone or iPad' });
  await expect(hint).toContainText('tap Share');
  await expect(hint).toContainText('Add to Home Screen');
  await hint.getByRole('button', { name: 'Got it' }).click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(hint).toHaveCount(0);
  await context.close();
});
