import { type BatchView, type CreateBatchResult, type Page as ApiPage, type RunView } from '@gtr/domain';
import { type MockLlm, startMockLlm } from '@gtr/mock-llm';
import { type Page } from 'playwright-core';
import { artifactPath } from './support/artifact-path';
import { type Browser, launchBrowser } from './support/browser';
import { signIn } from './support/sign-in';
import { type EmbeddedApi, startEmbeddedApi } from './support/start-api';
import { type Dashboard, startDashboard } from './support/start-dashboard';

// Batches as an operator watches and steers them. The dry-run provider answers at once, so the
// rows go to mock-llm (an OpenAI-compatible provider named `mock-llm`) with a latency and one
// call at a time: the batch is still running when the operator pauses it.
const ADMIN_KEY = 'gtr_web_e2e_batches_admin_key_0123456789';
const PROVIDER_KEY = 'mock-llm-key';
const PROVIDER = 'mock-llm';
const ROWS = 16;
const LATENCY_MS = 250;

describe('batches pages (real api, embedded mode)', () => {
  let mock: MockLlm;
  let api: EmbeddedApi;
  let dashboard: Dashboard;
  let browser: Browser;
  let page: Page;

  async function apiCall<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${api.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${ADMIN_KEY}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  async function createBatch(name: string, rows: number): Promise<BatchView> {
    const result = await apiCall<CreateBatchResult>('POST', '/v1/batches', {
      name,
      provider: PROVIDER,
      options: { concurrency: 1 },
      rows: Array.from({ length: rows }, (_, i) => ({ prompt: `${name} row ${i + 1}` })),
    });
    return result.batch;
  }

  beforeAll(async () => {
    mock = await startMockLlm({ latencyMs: LATENCY_MS, apiKey: PROVIDER_KEY });
    const providers = [{ name: PROVIDER, kind: 'openai', baseURL: mock.url, apiKey: PROVIDER_KEY }];
    api = await startEmbeddedApi(ADMIN_KEY, { GTR_PROVIDERS: JSON.stringify(providers) });
    dashboard = await startDashboard(api.url);
    browser = await launchBrowser();
    page = await browser.context.newPage();
    await signIn(page, dashboard.url, ADMIN_KEY);
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.stop();
    await api?.stop();
    await mock?.close();
  });

  it('lists a running batch, pauses it, resumes it and follows it to succeeded', async () => {
    const batch = await createBatch('web-e2e batch', ROWS);

    await Promise.all([
      page.waitForURL(`${dashboard.url}/batches`),
      page.click('.topbar__nav >> text=Batches'),
    ]);
    const row = page.locator(`tr[data-batch-id="${batch.id}"]`);
    await row.waitFor();
    await expect(row.locator('a').textContent()).resolves.toBe('web-e2e batch');
    expect(['queued', 'running']).toContain(await row.locator('.badge').getAttribute('data-status'));
    await expect(row.locator('[role=progressbar]').getAttribute('aria-valuemax')).resolves.toBe(String(ROWS));
    await page.screenshot({ path: artifactPath('batches.png') });

    await Promise.all([page.waitForURL(`${dashboard.url}/batches/${batch.id}`), row.locator('a').click()]);
    await page.waitForSelector('.live--on');
    await page.click('button:text-is("Pause")');
    await page.waitForSelector('.summary .badge[data-status=paused]');
    await page.locator('[role=status]:has-text("Paused")').waitFor();
    const paused = await apiCall<BatchView>('GET', `/v1/batches/${batch.id}`);
    expect(paused.status).toBe('paused');
    expect(paused.done).toBeLessThan(ROWS);
    await expect(page.locator('button:text-is("Pause")').count()).resolves.toBe(0);
    await page.screenshot({ path: artifactPath('batch-paused.png'), fullPage: true });

    await page.click('button:text-is("Resume")');
    // No reload: the page follows the batch through its event stream.
    await page.waitForSelector('.summary .badge[data-status=succeeded]', { timeout: 30_000 });
    const done = await apiCall<BatchView>('GET', `/v1/batches/${batch.id}`);
    expect(done.counts.succeeded).toBe(ROWS);
    const count = (status: string) => page.locator(`[data-count=${status}]`).textContent();
    await expect(count('succeeded')).resolves.toBe(String(ROWS));
    await expect(count('failed')).resolves.toBe('0');
    await expect(count('running')).resolves.toBe('0');
    await expect(page.locator('.summary .progress__text').textContent()).resolves.toBe(`${ROWS}/${ROWS}`);
    await expect(page.locator('.batch-actions button').count()).resolves.toBe(0);
    await expect(page.locator('.live').count()).resolves.toBe(0);

    // Runs in input order, each linking to its run page.
    const runs = await apiCall<ApiPage<RunView>>('GET', `/v1/batches/${batch.id}/runs?limit=100`);
    expect(runs.data.map((run) => run.messages.at(-1)?.content)).toEqual(
      Array.from({ length: ROWS }, (_, i) => `web-e2e batch row ${i + 1}`),
    );
    const shown = await page
      .locator('tr[data-run-id]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-run-id')));
    expect(shown).toEqual(runs.data.map((run) => run.id));
    await page.screenshot({ path: artifactPath('batch-succeeded.png'), fullPage: true });

    const first = runs.data[0].id;
    await Promise.all([
      page.waitForURL(`${dashboard.url}/runs/${first}`),
      page.click(`a[href="/runs/${first}"]`),
    ]);
    await expect(page.locator('.summary .badge').getAttribute('data-status')).resolves.toBe('succeeded');
  });

  it("shows the API's refusal when the batch changed since the page was drawn", async () => {
    const batch = await createBatch('web-e2e stale', 4);
    await apiCall('POST', `/v1/batches/${batch.id}/pause`);

    // A second tab that hears no events, so it still offers Resume after the cancel below.
    const stale = await browser.context.newPage();
    await stale.route('**/api/events**', (route) => route.abort());
    await stale.goto(`${dashboard.url}/batches/${batch.id}`);
    await stale.waitForSelector('button:text-is("Resume")');
    await apiCall('POST', `/v1/batches/${batch.id}/cancel`);

    await stale.click('button:text-is("Resume")');
    const alert = stale.locator('.batch-actions [role=alert]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toBe(
      `E_CONFLICT Batch ${batch.id} is cancelled: only a paused batch can be resumed.`,
    );
    // The action re-drew the page: the cancelled batch offers nothing.
    await stale.waitForSelector('.summary .badge[data-status=cancelled]');
    await expect(stale.locator('.batch-actions button').count()).resolves.toBe(0);
    await stale.screenshot({ path: artifactPath('batch-conflict.png'), fullPage: true });
    await stale.close();
  });
});
