import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/app.ts';
import { useBrowser } from './support/browser.ts';

/**
 * A plan's end of life in the browser (docs/decisions/016-plan-lifecycle.md): the bloc's staff
 * delete a draft after one more question; publish another, download it as a Word file from the plan
 * page, and cancel it with a reason — the page then shows the reason, and the plan list shows the
 * plan only under "Đã thu hồi". The plans are addressed to the bloc itself, so no other journey's
 * lists change.
 */

const DEMO_PASSWORD = 'trienkhai-demo';
const TITLE = 'Tổ chức tọa đàm về công tác tuyên truyền';
const TASK = 'Chuẩn bị tài liệu tọa đàm';
const REASON = 'Đã gộp vào kế hoạch công tác tuyên giáo năm';

/** A new plan of the acting unit with one task for the issuing unit itself, saved as a draft (the editor stays open). */
async function saveDraft(page: Page, number: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kế hoạch', exact: true }).click();
  await page.getByRole('link', { name: 'Lập kế hoạch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Lập kế hoạch' }).waitFor();
  await page.getByRole('textbox', { name: 'Số, ký hiệu' }).fill(number);
  await page.getByRole('textbox', { name: 'Trích yếu' }).fill(TITLE);
  await page.getByRole('button', { name: 'Thêm nhiệm vụ' }).click();
  const task = page.getByRole('group', { name: 'Nhiệm vụ 1' });
  await task.getByRole('textbox', { name: 'Nội dung nhiệm vụ' }).fill(TASK);
  await task.getByRole('combobox', { name: 'Đơn vị thực hiện' }).click();
  await page.getByRole('option', { name: 'Đơn vị ban hành' }).first().click();
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sửa dự thảo kế hoạch' }).waitFor();
}

describe('a plan deleted as a draft, or cancelled once published', () => {
  const browser = useBrowser();

  it('deletes a draft, downloads a published plan as Word, cancels it with a reason', async () => {
    const { page, context, screenshot } = browser.session();
    await context.clearCookies();
    await signIn(page, 'btg.duk', DEMO_PASSWORD);
    const stamp = Date.now().toString(36).slice(-5).toUpperCase();

    // A draft is deleted after one more question, and is gone from the list.
    const draft = `${stamp}1-KH/ĐUK`;
    await saveDraft(page, draft);
    await page.getByRole('button', { name: 'Xóa dự thảo' }).click();
    const confirm = page.getByRole('dialog', { name: 'Xóa dự thảo kế hoạch' });
    await confirm.getByText(/sẽ bị xóa khỏi danh sách kế hoạch/).waitFor();
    await confirm.getByRole('button', { name: 'Xóa dự thảo' }).click();
    await page.waitForURL(/\/plans$/);
    await page.getByText('Đã xóa dự thảo kế hoạch.').waitFor();
    const listHeading = page.getByRole('heading', { level: 1, name: 'Kế hoạch', exact: true });
    await listHeading.waitFor();
    await expect.poll(() => page.getByText(draft).count()).toBe(0);

    // Another is published, and its Word file comes from the plan page.
    const number = `${stamp}2-KH/ĐUK`;
    await saveDraft(page, number);
    await page.getByRole('link', { name: 'Xem kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: `Kế hoạch ${number}` }).waitFor();
    await page.getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByRole('dialog', { name: 'Công bố kế hoạch' }).getByRole('button', { name: 'Công bố', exact: true }).click();
    await page.getByText('Đã ban hành', { exact: true }).first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Xuất Word' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    expect(readFileSync((await download.path())!).subarray(0, 2).toString('latin1')).toBe('PK');

    // Cancelling asks for the reason, then the page says why and by whom.
    await page.getByRole('button', { name: 'Thu hồi kế hoạch' }).click();
    const dialog = page.getByRole('dialog', { name: 'Thu hồi kế hoạch đã ban hành' });
    await dialog.getByRole('button', { name: 'Thu hồi', exact: true }).click();
    await dialog.getByText('Hãy nhập lý do thu hồi').waitFor();
    await dialog.getByRole('textbox', { name: 'Lý do thu hồi' }).fill(REASON);
    await dialog.getByRole('button', { name: 'Thu hồi', exact: true }).click();
    const banner = page.getByRole('status').filter({ hasText: 'Kế hoạch đã bị thu hồi' });
    await banner.getByText(`Lý do: ${REASON}`).waitFor();
    await page.getByText('Đã thu hồi', { exact: true }).first().waitFor();
    expect(await page.getByRole('button', { name: 'Thu hồi kế hoạch' }).count()).toBe(0);
    await screenshot('plan-cancelled');

    // The list shows it only under its filter.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Kế hoạch', exact: true }).click();
    await listHeading.waitFor();
    await expect.poll(() => page.getByText(number).count()).toBe(0);
    await page.locator('label').filter({ hasText: 'Đã thu hồi' }).click();
    await page.getByRole('table', { name: 'Đơn vị ban hành' }).getByText(number).waitFor();
  });
});
