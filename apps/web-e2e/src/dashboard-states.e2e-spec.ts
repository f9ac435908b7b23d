import { type Page } from 'playwright-core';
import { type Browser, launchBrowser } from './support/browser';
import { type FakeApi, startFakeApi } from './support/fake-api';
import { artifactPath } from './support/artifact-path';
import { type Dashboard, startDashboard } from './support/start-dashboard';

// The dashboard against a scripted API: states the dry-run provider never reaches on its own.
const API_KEY = 'gtr_fake_0123456789abcdef0123456789abcdef';

describe('dashboard (scripted API)', () => {
  let api: FakeApi;
  let dashboard: Dashboard;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    api = await startFakeApi(API_KEY);
    dashboard = await startDashboard(api.url);
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.stop();
    await api?.close();
  });

  async function signIn(): Promise<void> {
    await page.goto(`${dashboard.url}/login`);
    await page.fill('#apiKey', API_KEY);
    await Promise.all([page.waitForURL(`${dashboard.url}/runs`), page.click('button[type=submit]')]);
  }

  it('sends a visitor without a session to sign in', async () => {
    const res = await page.goto(`${dashboard.url}/runs`);
    expect(new URL(page.url()).pathname).toBe('/login');
    expect(res?.headers()['x-frame-options']).toBe('DENY');
    const events = await page.request.get(`${dashboard.url}/api/events`);
    expect(events.status()).toBe(401);
  });

  it('keeps the key in an httpOnly, SameSite=Strict cookie and out of the page', async () => {
    await signIn();
    const cookies = await browser.context.cookies(dashboard.url);
    expect(cookies).toEqual([
      expect.objectContaining({ name: 'gtr_session', httpOnly: true, sameSite: 'Strict', path: '/' }),
    ]);
    expect(await page.content()).not.toContain(API_KEY);
    expect(await page.content()).not.toContain(api.url);
    await expect(page.locator('.topbar__tenant').textContent()).resolves.toBe('Fake tenant');
  });

  it('pages through runs with the status tabs and the Older link', async () => {
    for (let i = 0; i < 55; i++) api.addRun({ status: 'succeeded', model: `model-${i}` });
    const failed = api.addRun({ status: 'failed', error: { code: 'E_RATE_LIMIT', message: 'Slow down.' } });
    await page.goto(`${dashboard.url}/runs`);
    await expect(page.locator('tbody tr').count()).resolves.toBe(50);
    await Promise.all([page.waitForURL(/cursor=50/), page.click('a[rel=next]')]);
    await expect(page.locator('tbody tr').count()).resolves.toBe(6);
    await expect(page.locator('a[rel=next]').count()).resolves.toBe(0);

    await page.click('.tab >> text=failed');
    await page.waitForURL(`${dashboard.url}/runs?status=failed`);
    await expect(page.locator('tbody tr').count()).resolves.toBe(1);
    const row = page.locator(`tr[data-run-id="${failed.id}"]`);
    await expect(row.locator('.badge').textContent()).resolves.toBe('failed');
    await expect(row.locator('.badge').getAttribute('class')).resolves.toContain('badge--danger');
    await expect(row.textContent()).resolves.toContain('E_RATE_LIMIT');

    await page.goto(`${dashboard.url}/runs`);
    await page.screenshot({ path: artifactPath('runs-scripted.png'), fullPage: false });

    await page.click('.tab >> text=cancelled');
    await expect(page.locator('.empty').textContent()).resolves.toBe('No cancelled runs.');
  });

  it('adds a new run to the open runs page without a reload', async () => {
    await page.goto(`${dashboard.url}/runs?status=queued`);
    await page.waitForSelector('.live--on');
    const run = api.addRun({ status: 'queued' });
    await page.waitForSelector(`tr[data-run-id="${run.id}"]`, { timeout: 10_000 });
  });

  it('shows a failed run with its error, attempts and unknown price', async () => {
    const run = api.addRun({
      status: 'failed',
      model: 'gpt-x',
      provider: 'openai',
      attemptCount: 2,
      error: { code: 'E_SERVER_ERROR', message: 'The provider answered 502.' },
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'user', content: 'Summarise the report.' },
      ],
      metadata: { customer: 'acme' },
      attempts: [1, 2].map((n) => ({
        number: n,
        startedAt: `2025-01-02T03:04:0${n}.123Z`,
        finishedAt: `2025-01-02T03:04:0${n}.456Z`,
        latencyMs: 333,
        httpStatus: 502,
        errorCode: 'E_SERVER_ERROR' as const,
        errorMessage: 'Bad gateway',
        rateLimitWaitMs: n === 2 ? 1500 : 0,
        usage: null,
        providerRequestId: `req_${n}`,
      })),
    });
    await page.goto(`${dashboard.url}/runs/${run.id}`);
    const alert = page.locator('.callout--danger');
    await expect(alert.textContent()).resolves.toBe('E_SERVER_ERROR The provider answered 502.');
    const text = await page.locator('main').textContent();
    expect(text).toContain('unknown price');
    expect(text).toContain('Summarise the report.');
    expect(text).toContain('"customer": "acme"');
    const attempts = page.locator('section:has(h2:text("Attempts")) tbody tr');
    await expect(attempts.count()).resolves.toBe(2);
    await expect(attempts.nth(1).textContent()).resolves.toMatch(
      /2025-01-02 03:04:02\.123.*333 ms.*502.*E_SERVER_ERROR.*1\.50 s/,
    );
    await expect(page.locator('button:text("Cancel run")').count()).resolves.toBe(0);
    await page.screenshot({ path: artifactPath('run-failed-scripted.png'), fullPage: true });
  });

  it('cancels a queued run after confirmation', async () => {
    const run = api.addRun({ status: 'queued' });
    await page.goto(`${dashboard.url}/runs/${run.id}`);
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('button:text("Cancel run")');
    await page.waitForSelector('.summary .badge[data-status=cancelled]', { timeout: 10_000 });
    expect(api.run(run.id)?.status).toBe('cancelled');
    await expect(page.locator('button:text("Cancel run")').count()).resolves.toBe(0);
  });

  it('keeps a run when the operator dismisses the confirmation', async () => {
    const run = api.addRun({ status: 'running' });
    await page.goto(`${dashboard.url}/runs/${run.id}`);
    page.once('dialog', (dialog) => void dialog.dismiss());
    await page.click('button:text("Cancel run")');
    await page.waitForTimeout(300);
    expect(api.run(run.id)?.status).toBe('running');
  });

  it('shows the output of a run that finishes while its page is open', async () => {
    const run = api.addRun({ status: 'running' });
    await page.goto(`${dashboard.url}/runs/${run.id}`);
    await page.waitForSelector('.live--on');
    api.updateRun(run.id, {
      status: 'succeeded',
      output: { text: '{"answer":42}', json: { answer: 42 } },
      usage: { promptTokens: 1200, completionTokens: 34, totalTokens: 1234, cachedTokens: 0 },
      costUsd: 0.000123,
      durationMs: 1250,
      finishedAt: new Date().toISOString(),
    });
    await page.waitForSelector('[data-testid=output-text]', { timeout: 10_000 });
    const text = await page.locator('main').textContent();
    expect(text).toContain('"answer": 42');
    expect(text).toContain('$0.000123');
    expect(text).toContain('1,234');
    expect(text).toContain('1.25 s');
  });

  it('answers an unknown run with the not-found page', async () => {
    const res = await page.goto(`${dashboard.url}/runs/00000000-0000-4000-8000-00000000dead`);
    expect(res?.status()).toBe(404);
    await expect(page.locator('h1').textContent()).resolves.toBe('Not found');
  });

  it('signs out', async () => {
    await page.goto(`${dashboard.url}/runs`);
    await Promise.all([page.waitForURL(`${dashboard.url}/login`), page.click('button:text("Sign out")')]);
    expect(await browser.context.cookies(dashboard.url)).toEqual([]);
    await page.goto(`${dashboard.url}/runs`);
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('sends the operator to sign in again once the API stops accepting the key', async () => {
    await signIn();
    api.replaceKey('gtr_fake_rotated_0123456789abcdef01234567');
    await page.reload();
    expect(new URL(page.url()).pathname).toBe('/login');
    await expect(page.locator('.signin [role=alert]').textContent()).resolves.toBe(
      'Your session has expired. Sign in again.',
    );
    await page.screenshot({ path: artifactPath('login-expired.png') });
  });
});
