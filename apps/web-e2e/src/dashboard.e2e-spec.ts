import { type RunView } from '@gtr/domain';
import { type Page } from 'playwright-core';
import { artifactPath } from './support/artifact-path';
import { type Browser, launchBrowser } from './support/browser';
import { type EmbeddedApi, startEmbeddedApi } from './support/start-api';
import { type Dashboard, startDashboard } from './support/start-dashboard';

// The whole system as an operator meets it: the built api (embedded mode, dry-run provider)
// and the built dashboard, driven through Chromium.
const ADMIN_KEY = 'gtr_web_e2e_admin_key_0123456789abcdef';

describe('dashboard (real api, embedded mode)', () => {
  let api: EmbeddedApi;
  let dashboard: Dashboard;
  let browser: Browser;
  let page: Page;
  let run: RunView;

  beforeAll(async () => {
    api = await startEmbeddedApi(ADMIN_KEY);
    dashboard = await startDashboard(api.url);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.stop();
    await api?.stop();
  });

  it("shows the API's message for a wrong key and stores nothing", async () => {
    const wrongKey = 'gtr_this_key_does_not_exist_0000000000';
    const res = await fetch(`${api.url}/v1/me`, { headers: { authorization: `Bearer ${wrongKey}` } });
    expect(res.status).toBe(401);
    const { error } = (await res.json()) as { error: { message: string } };

    await page.goto(`${dashboard.url}/login`);
    await page.fill('#apiKey', wrongKey);
    await page.click('button[type=submit]');
    const alert = page.locator('.signin [role=alert]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe(error.message);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(await browser.context.cookies(dashboard.url)).toEqual([]);
    expect(await page.content()).not.toContain(wrongKey);
  });

  it('signs in with the admin key', async () => {
    await page.fill('#apiKey', ADMIN_KEY);
    await Promise.all([page.waitForURL(`${dashboard.url}/runs`), page.click('button[type=submit]')]);
    expect(await page.content()).not.toContain(ADMIN_KEY);
    await page.waitForSelector('.live--on');
  });

  it('shows a run created through the API reach succeeded on the open runs page', async () => {
    const res = await fetch(`${api.url}/v1/runs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ prompt: 'Say hello to the dashboard.', metadata: { source: 'web-e2e' } }),
    });
    expect(res.status).toBe(201);
    run = (await res.json()) as RunView;

    // No reload: the row appears and turns succeeded through the live event stream.
    await page.waitForSelector(`tr[data-run-id="${run.id}"] .badge[data-status=succeeded]`, {
      timeout: 30_000,
    });
    const row = page.locator(`tr[data-run-id="${run.id}"]`);
    await expect(row.locator('a').textContent()).resolves.toBe(run.id.slice(0, 8));
    await expect(row.textContent()).resolves.toContain(run.model);
    await page.screenshot({ path: artifactPath('runs.png') });

    await page.click('.tab >> text=succeeded');
    await page.waitForURL(`${dashboard.url}/runs?status=succeeded`);
    await expect(page.locator(`tr[data-run-id="${run.id}"]`).count()).resolves.toBe(1);
    await page.click('.tab >> text=failed');
    await page.waitForURL(`${dashboard.url}/runs?status=failed`);
    await expect(page.locator(`tr[data-run-id="${run.id}"]`).count()).resolves.toBe(0);
  });

  it('shows the finished run with its output, attempt and metadata', async () => {
    const detail = (await (
      await fetch(`${api.url}/v1/runs/${run.id}`, { headers: { authorization: `Bearer ${ADMIN_KEY}` } })
    ).json()) as RunView;
    expect(detail.output?.text).toBeTruthy();

    await page.goto(`${dashboard.url}/runs`);
    await Promise.all([
      page.waitForURL(`${dashboard.url}/runs/${run.id}`),
      page.click(`a[href="/runs/${run.id}"]`),
    ]);
    await expect(page.locator('.summary .badge').getAttribute('data-status')).resolves.toBe('succeeded');
    await expect(page.locator('[data-testid=output-text]').textContent()).resolves.toBe(detail.output?.text);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Say hello to the dashboard.');
    expect(main).toContain('"source": "web-e2e"');
    expect(main).toContain(detail.provider);
    await expect(page.locator('section:has(h2:text("Attempts")) tbody tr').count()).resolves.toBe(
      detail.attemptCount,
    );
    await expect(page.locator('button:text("Cancel run")').count()).resolves.toBe(0);
    await page.screenshot({ path: artifactPath('run-detail.png'), fullPage: true });
  });
});
