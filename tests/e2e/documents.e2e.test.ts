import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signIn } from './support/app.ts';
import { useBrowser } from './support/browser.ts';

const DOCX = readFileSync(join(import.meta.dirname, '../fixtures/extraction/files/001_49105ae659426032.docx'));
const BLOC = 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh';
const TITLE = 'Nghiên cứu, học tập, quán triệt Kết luận, Quy định Hội nghị Trung ương 4 khóa XIII và sinh hoạt chính trị';

describe('documents in: import a plan, review it, make the plan draft', () => {
  const browser = useBrowser();

  it('imports plan 48-KH/ĐUK from Word, highlights its deadlines, saves a correction and creates the plan draft', async () => {
    const { page, screenshot } = browser.session();
    await signIn(page);

    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Văn bản' }).waitFor();
    await page.getByRole('link', { name: 'Nhập văn bản' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhập văn bản' }).waitFor();

    // The bloc committee that issued the plan in 2022 (it has since been merged: it is offered all the same).
    const unit = page.getByRole('combobox', { name: 'Đơn vị nhập văn bản' });
    await unit.click();
    await unit.fill('dang uy khoi cac co quan va doanh nghiep tinh');
    await page.getByRole('option').filter({ hasText: new RegExp(`^${BLOC}(?! Trà Vinh)`) }).first().click();
    expect(await unit.inputValue()).toBe(BLOC);
    await screenshot('documents-import');

    // A file of another kind is refused with a Vietnamese message, and the page stays. (The server's
    // messages for bad files are covered by the API tests: a refused request is a console error here.)
    const badChooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn tệp văn bản' }).click();
    await (await badChooser).setFiles({ name: 'anh-chup.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    const refused = page.getByRole('alert').filter({ hasText: 'Không nhập được tệp anh-chup.png' });
    await refused.getByText('Định dạng tệp không được hỗ trợ').waitFor();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Chọn tệp văn bản' }).click();
    await (await chooser).setFiles({ name: '48-KH-DUK.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: DOCX });

    // The review: the report deadline is highlighted where it stands in the text.
    await page.getByRole('heading', { level: 1, name: 'Xem lại cấu trúc văn bản' }).waitFor();
    const deadline = page.locator('mark[aria-label="Thời hạn: trước ngày 31/3/2022"]').first();
    await deadline.waitFor();
    expect(await deadline.textContent()).toBe('trước ngày 31/3/2022');
    expect(await page.locator('mark[data-kind="reports"]').count()).toBeGreaterThan(0);
    // Clicking it selects its item in the structure.
    await deadline.click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '')).toMatch(/^Thời hạn \d+$/);
    const selected = page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const item = page.getByRole('group', { name: await selected, exact: true });
    expect(await item.getByRole('textbox', { name: 'Cách viết trong văn bản' }).inputValue()).toBe('trước ngày 31/3/2022');
    await screenshot('documents-review');

    // Correct the title, save, create the plan draft.
    const title = page.getByRole('textbox', { name: 'Trích yếu' });
    await title.fill(TITLE);
    await page.getByRole('button', { name: 'Lưu', exact: true }).first().click();
    await page.getByRole('button', { name: 'Tạo kế hoạch' }).click();
    await page.getByText('Đã tạo dự thảo kế hoạch', { exact: true }).first().waitFor();
    await screenshot('documents-plan-created');
    await page.getByRole('link', { name: 'Xem dự thảo kế hoạch' }).click();

    // The document page shows the corrected title, the chain above it and the plan draft.
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch 48-KH/ĐUK' }).waitFor();
    await page.getByText(TITLE, { exact: true }).waitFor();
    const plan = page.getByRole('region', { name: 'Kế hoạch', exact: true });
    await plan.getByText('Dự thảo kế hoạch').waitFor();
    expect(await plan.getByRole('table', { name: 'Nhiệm vụ' }).getByRole('row').count()).toBeGreaterThan(1);
    await plan.getByRole('table', { name: 'Báo cáo phải gửi' }).getByRole('row', { name: /Báo cáo kết quả học tập, quán triệt Kết luận, Quy định/ }).waitFor();
    await page.getByRole('navigation', { name: 'Chuỗi văn bản cấp trên' }).getByText('Kế hoạch 161-KH/TU').waitFor();
    await screenshot('documents-page');

    // The plan editor pre-selects the units the document names, marked for the user to check.
    const planId = new URL(page.url()).pathname.split('/').pop()!;
    await page.goto(`/plans/${planId}/edit`);
    await page.getByRole('heading', { level: 1, name: 'Sửa dự thảo kế hoạch' }).waitFor();
    const marks = page.getByText('Đề xuất từ văn bản — kiểm tra lại', { exact: true });
    await marks.first().waitFor();
    const via = page.getByRole('combobox', { name: 'Qua (cơ quan tham mưu)' });
    await expect.poll(async () => (await Promise.all((await via.all()).map((c) => c.inputValue()))).filter((v) => v === 'Ban Tuyên giáo Đảng ủy Khối').length).toBeGreaterThan(0);
    const before = await marks.count();
    await page.getByRole('button', { name: 'Đúng, giữ nguyên' }).first().click();
    await expect.poll(() => marks.count()).toBe(before - 1);
    await screenshot('plans-editor-proposed');

    // The list finds it without diacritics and says it has a plan draft.
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Văn bản' }).click();
    await page.getByRole('searchbox', { name: 'Tìm văn bản' }).fill('nghien cuu hoc tap quan triet ket luan');
    const table = page.getByRole('table', { name: 'Văn bản' });
    // The header and the plan (other journeys on the same server may add plans of the same title);
    // the cited documents have no such title.
    await expect.poll(() => table.getByRole('row').count()).toBeGreaterThanOrEqual(2);
    const row = table.getByRole('row').filter({ hasText: TITLE });
    await row.getByText('Dự thảo kế hoạch').first().waitFor();
    await screenshot('documents-list');
  });
});

describe('documents on a phone (360 × 740)', () => {
  const browser = useBrowser({ viewport: { width: 360, height: 740 } });

  it('the review stacks the text above the structure, without sideways scrolling', async () => {
    const { page, screenshot } = browser.session();
    await signIn(page);
    await page.goto('/documents');
    await page.getByRole('searchbox', { name: 'Tìm văn bản' }).fill('48-KH');
    await page.getByRole('table', { name: 'Văn bản' }).getByRole('link', { name: 'Kế hoạch 48-KH/ĐUK' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch 48-KH/ĐUK' }).waitFor();
    await page.getByRole('link', { name: 'Sửa cấu trúc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Xem lại cấu trúc văn bản' }).waitFor();
    await page.locator('mark[aria-label="Thời hạn: trước ngày 31/3/2022"]').first().waitFor();
    const text = await page.getByRole('region', { name: 'Nội dung văn bản' }).boundingBox();
    const form = await page.getByRole('region', { name: 'Cấu trúc đề xuất' }).boundingBox();
    expect(text && form && form.y >= text.y + text.height - 1).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot('phone-documents-review');
  });
});
