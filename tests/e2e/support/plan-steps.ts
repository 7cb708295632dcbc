import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { signIn } from './app.ts';

/** The password of every demo account (docs/demo.md). */
export const DEMO_PASSWORD = 'trienkhai-demo';

/** Today in Vietnam moved by `days`, as YYYY-MM-DD. */
export function dayFromToday(days: number): string {
  return new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** "2026-12-22" → "22/12/2026" as typed in a date field; "22/12/2026" without leading zeros as plans write it. */
export const typed = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
export const written = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`;

/** Clicks a download link and checks that what arrives is an .xlsx file (a zip: "PK"). */
export async function expectSpreadsheet(page: Page, link: Locator): Promise<void> {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(readFileSync((await download.path())!).subarray(0, 2).toString('latin1')).toBe('PK');
}

export async function signInAs(page: Page, context: BrowserContext, username: string): Promise<void> {
  await context.clearCookies();
  await signIn(page, username, DEMO_PASSWORD);
}

export async function openNav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true }).click();
}

export async function choose(page: Page, field: Locator, option: string | RegExp): Promise<void> {
  await field.click();
  await page.getByRole('option', { name: option }).first().click();
}

/** Fills the general part and one task of a new plan (the editor is open). */
export async function newPlanWithTask(page: Page, number: string, title: string, task: string, dueIso: string): Promise<Locator> {
  await page.getByRole('textbox', { name: 'Số, ký hiệu' }).fill(number);
  await page.getByRole('textbox', { name: 'Trích yếu' }).fill(title);
  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  const t1 = page.getByRole('group', { name: 'Nhiệm vụ 1' });
  await t1.getByRole('textbox', { name: 'Nội dung nhiệm vụ' }).fill(task);
  await choose(page, t1.getByRole('combobox', { name: 'Loại thời hạn' }), 'Ngày cụ thể');
  await t1.getByRole('textbox', { name: 'Ngày', exact: true }).fill(typed(dueIso));
  await t1.getByRole('textbox', { name: 'Ngày', exact: true }).press('Tab');
  await t1.getByText(`Ngày ${written(dueIso)}`, { exact: true }).waitFor();
  return t1;
}

/** Publishes the open draft; the plan page then says how many task and report instances were created. */
export async function publish(page: Page, number: string): Promise<number> {
  await page.getByRole('button', { name: 'Công bố', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Công bố kế hoạch' });
  await dialog.getByRole('button', { name: 'Công bố', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: `Kế hoạch ${number}` }).waitFor();
  const done = page.getByRole('status').filter({ hasText: 'Đã công bố kế hoạch' }).getByText(/^Đã giao [\d.]+ nhiệm vụ, báo cáo/);
  await done.waitFor();
  return Number((await done.textContent())!.match(/Đã giao ([\d.]+)/)![1]!.replace(/\./g, ''));
}


/** Gives the report group of the plan editor one deadline and a whole figure with a part of it. */
export async function reportDueWithFigures(page: Page, report: Locator, dueIso: string, whole: string, part: string): Promise<void> {
  await report.getByRole('button', { name: 'Thêm thời hạn' }).click();
  await report.getByRole('textbox', { name: 'Ngày', exact: true }).fill(typed(dueIso));
  await report.getByRole('textbox', { name: 'Ngày', exact: true }).press('Tab');
  await report.getByText(`Ngày ${written(dueIso)}`, { exact: true }).waitFor();
  await report.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  await report.getByRole('group', { name: 'Chỉ tiêu 1' }).getByRole('textbox', { name: 'Tên chỉ tiêu' }).fill(whole);
  await report.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
  const second = report.getByRole('group', { name: 'Chỉ tiêu 2' });
  await second.getByRole('textbox', { name: 'Tên chỉ tiêu' }).fill(part);
  await choose(page, second.getByRole('combobox', { name: 'Là một phần của' }), whole);
}
