import { type Page } from 'playwright-core';

/** Signs in on the dashboard's login page and waits for the runs page. */
export async function signIn(page: Page, dashboardUrl: string, apiKey: string): Promise<void> {
  await page.goto(`${dashboardUrl}/login`);
  await page.fill('#apiKey', apiKey);
  await Promise.all([page.waitForURL(`${dashboardUrl}/runs`), page.click('button[type=submit]')]);
}
