import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { firstSignIn, signIn } from './support/app.ts';
import { useBrowser } from './support/browser.ts';

// The account side of issue 15's acceptance: the administrator creates the cell secretaries'
// accounts of a grassroots organisation and downloads the slips; a secretary signs in with the
// one-time password, must change it, and lands on the cell's "Việc cần làm".
describe('accounts in bulk: the secretaries of a grassroots organisation', () => {
  const browser = useBrowser();

  it('previews, creates, downloads the slips; a secretary changes the one-time password and lands on Việc cần làm', async () => {
    const { page, context, screenshot } = browser.session();
    await signIn(page);
    await page.goto('/users');
    await page.getByRole('link', { name: 'Tạo tài khoản hàng loạt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tạo tài khoản hàng loạt' }).waitFor();

    await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).fill('dang bo so tai chinh');
    await page.getByRole('option', { name: /^Đảng bộ Sở Tài chính/ }).first().click();
    await page.getByRole('button', { name: 'Xem trước' }).click();
    const table = page.getByRole('table', { name: 'Tài khoản sẽ tạo' });
    await table.waitFor();
    // The secretary of bithu.chibo's cell already has an account: skipped; the other cells' secretaries remain.
    await page.getByText(/Bỏ qua: 1 người đã có tài khoản/).waitFor();
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThan(1);
    const n = (await table.getByRole('row').count()) - 1;
    expect(await table.getByRole('cell', { name: 'bithu.chibo' }).count()).toBe(0);
    await screenshot('desktop-bulk-accounts-preview');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Tạo ${n} tài khoản` }).click()]);
    expect(download.suggestedFilename()).toMatch(/^phieu-tai-khoan-.*\.xlsx$/);
    await page.getByText(`Đã tạo ${n} tài khoản`).waitFor();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    // A sheet per cell, a row per secretary.
    expect(wb.worksheets).toHaveLength(n);
    const row = wb.worksheets[0]!.getRow(2).values as string[];
    const [username, password] = [String(row[4]), String(row[5])];
    expect(username).toMatch(/^[a-z0-9]+$/);
    expect(password).toMatch(/^[2-9a-hjkmnp-z]{10}$/);

    // The secretary's first sign-in.
    await context.clearCookies();
    await firstSignIn(page, username, password, 'mat-khau-cua-bi-thu');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
  });
});
