import { describe, expect, it } from 'vitest';
import { signIn, uniqueName } from './support/app.ts';
import { useBrowser } from './support/browser.ts';

describe('the organisation tree from a list', () => {
  const browser = useBrowser();

  it('checks a tree list, shows its bad row, imports the good rows and says what it did', async () => {
    const { page, screenshot } = browser.session();
    await signIn(page);
    await page.getByRole('searchbox', { name: 'Tìm đơn vị' }).fill('dang uy khoi');
    await page.getByRole('region', { name: 'Kết quả tìm kiếm' }).getByRole('link', { name: /^Đảng ủy Khối/ }).first().click();
    const title = page.getByRole('heading', { level: 1 });
    await title.filter({ hasText: /^Đảng ủy Khối/ }).waitFor();
    const bloc = (await title.textContent())!;
    const blocId = new URL(page.url()).pathname.split('/').at(-1)!;

    const code = uniqueName('E2E').replace(/\s+/g, '');
    const grassroots = uniqueName('Đảng bộ Sở Kiểm thử');
    // Header row 1; row 4 names a parent that exists nowhere.
    const csv = [
      'Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Ngày thành lập',
      `${code}.1,${grassroots},Đảng bộ cơ sở,${blocId},01/10/2020`,
      `${code}.1.1,Chi bộ Văn phòng,Chi bộ,${code}.1,01/10/2020`,
      `${code}.2,Chi bộ lạc,Chi bộ,${code}.KHONG,01/10/2020`,
    ].join('\n');

    await page.getByRole('button', { name: 'Cây tổ chức' }).click();
    await page.getByRole('menuitem', { name: 'Nhập cây tổ chức' }).click();
    const dialog = page.getByRole('dialog', { name: `Nhập cây tổ chức — ${bloc}` });
    const chooser = page.waitForEvent('filechooser');
    await dialog.getByRole('button', { name: 'Tệp cây tổ chức' }).click();
    await (await chooser).setFiles({ name: 'cay.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await dialog.getByRole('button', { name: 'Kiểm tra' }).click();
    const errors = dialog.getByRole('table', { name: 'Các dòng có lỗi' });
    const badRow = errors.getByRole('row', { name: /Dòng 4/ });
    await badRow.waitFor();
    expect(await badRow.textContent()).toMatch(/Mã đơn vị cấp trên:/);
    await dialog.getByText('Thêm mới: 2').waitFor();
    expect(await dialog.getByRole('button', { name: 'Nhập tất cả' }).isDisabled()).toBe(true);
    await screenshot('desktop-tree-import-check');
    await dialog.getByRole('button', { name: 'Chỉ nhập các dòng hợp lệ (2 dòng)' }).click();
    await dialog.getByText(/^Đã nhập xong\./).waitFor();
    await dialog.getByText('Thêm mới: 2').waitFor();
    await screenshot('desktop-tree-import-done');
    // The dialog's own button, not the close mark of its header.
    await dialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();
    await page.getByRole('list', { name: 'Đơn vị trực thuộc' }).getByRole('link', { name: grassroots }).waitFor();
  });
});
