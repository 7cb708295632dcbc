import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/accounts.ts';
import { firstSignIn } from './support/app.ts';
import { useBrowser } from './support/browser.ts';
import type { RunningServer } from './support/server.ts';
import { startServer } from './support/server.ts';

/**
 * A committee starts for real (issue 15): on an installation with nothing but its administrator,
 * the first-run guide leads through the top unit, the tree, the members and the accounts.
 */

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ demo: false });
}, 180_000);
afterAll(() => server.stop());

const TOP = 'Đảng ủy Khối các cơ quan tỉnh';
const GRASSROOTS = 18;
const CELLS = 62;
const MEMBERS = 1_000;
const FAMILIES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const MIDDLES = ['Văn', 'Thị', 'Minh', 'Thu', 'Đức', 'Ngọc', 'Quang'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phương', 'Sơn', 'Tâm', 'Thảo'];

const cellCode = (i: number) => `DUK.${String((i % GRASSROOTS) + 1).padStart(2, '0')}.${String(Math.floor(i / GRASSROOTS) + 1).padStart(2, '0')}`;

/**
 * The Khối's tree list: 18 grassroots organisations and 62 cells, 80 rows under the header. With
 * `bad`, row 31 names a parent that exists nowhere and row 61 puts a grassroots organisation under a cell.
 */
function treeCsv(bad: boolean): string {
  const rows = ['Mã đơn vị,Tên đơn vị,Loại đơn vị,Mã đơn vị cấp trên,Nhiệm kỳ,Ngày thành lập'];
  for (let g = 1; g <= GRASSROOTS; g++) rows.push(`DUK.${String(g).padStart(2, '0')},Đảng bộ Sở ${GIVEN[g % GIVEN.length]} ${g},Đảng bộ cơ sở,DUK,2020 - 2025,01/10/2020`);
  for (let c = 0; c < CELLS; c++) rows.push(`${cellCode(c)},Chi bộ Phòng ${c + 1},Chi bộ,${cellCode(c).slice(0, 6)},2022 - 2025,01/01/2021`);
  if (bad) {
    rows[30] = rows[30]!.replace(/,DUK\.\d\d,2022/, ',DUK.99,2022');
    rows[60] = rows[60]!.replace(',Chi bộ,', ',Đảng bộ cơ sở,').replace(/,DUK\.(\d\d),2022/, ',DUK.01.01,2022');
  }
  return `${rows.join('\n')}\n`;
}

/** The Khối's member list: 1,000 members in the 62 cells by code, the first of each cell its secretary. */
function membersCsv(): string {
  const rows = ['Họ và tên,Giới tính,Ngày sinh,Loại thành viên,Chức vụ,Ngày vào đơn vị,Mã đơn vị'];
  for (let m = 0; m < MEMBERS; m++) {
    const middle = MIDDLES[m % MIDDLES.length]!;
    const name = `${FAMILIES[m % FAMILIES.length]} ${middle} ${GIVEN[Math.floor(m / 7) % GIVEN.length]}`;
    rows.push(`${name},${middle === 'Thị' ? 'Nữ' : 'Nam'},15/03/19${60 + (m % 40)},Đảng viên chính thức,${m < CELLS ? 'Bí thư' : ''},01/07/2021,${cellCode(m % CELLS)}`);
  }
  return `${rows.join('\n')}\n`;
}

async function chooseFile(page: Page, dialog: Locator, field: string, name: string, text: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: field }).click();
  await (await chooser).setFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

/** The guide's step whose heading names `title`. */
const step = (page: Page, title: RegExp) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title }) });

describe('setting up an empty installation', () => {
  const browser = useBrowser({ baseUrl: () => server.url });

  it('takes the administrator from the empty tree through the guide: top unit, 80 units with two bad rows fixed, 1,000 members, the secretaries\' accounts; a secretary changes the one-time password and lands on the cell\'s work', async () => {
    const { page, context } = browser.session();
    await page.goto('/login');
    await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(ADMIN_USERNAME);
    await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thiết lập ban đầu' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/setup');
    const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Đơn vị cấp trên cùng/ }) });
    await expect.poll(() => first.getAttribute('aria-current')).toBe('step');

    await page.getByRole('button', { name: 'Tạo đơn vị cấp trên cùng' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tạo đơn vị cấp trên cùng' });
    await dialog.getByRole('textbox', { name: 'Tên đơn vị' }).fill(TOP);
    await dialog.getByRole('textbox', { name: 'Tên viết tắt' }).fill('ĐUK');
    await dialog.getByRole('textbox', { name: 'Mã đơn vị' }).fill('DUK');
    await dialog.getByRole('textbox', { name: 'Ngày thành lập' }).fill('01/10/2020');
    await dialog.getByRole('button', { name: 'Tạo đơn vị' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('setup-top-facts').textContent()).toBe(TOP);
    const tree = step(page, /Cây tổ chức/);
    await expect.poll(() => tree.getAttribute('aria-current')).toBe('step');

    // Step 2: the tree list, first with two bad rows — both named, nothing stored — then fixed.
    await tree.getByRole('link', { name: 'Nhập cây tổ chức' }).click();
    const treeDialog = page.getByRole('dialog', { name: `Nhập cây tổ chức — ${TOP}` });
    await chooseFile(page, treeDialog, 'Tệp cây tổ chức', 'cay-to-chuc.csv', treeCsv(true));
    await treeDialog.getByRole('button', { name: 'Kiểm tra' }).click();
    const errors = treeDialog.getByRole('table', { name: 'Các dòng có lỗi' });
    await errors.getByRole('row', { name: /Dòng 31/ }).waitFor();
    expect(await errors.getByRole('row', { name: /Dòng 31/ }).textContent()).toMatch(/Mã đơn vị cấp trên:.*DUK\.99/);
    expect(await errors.getByRole('row', { name: /Dòng 61/ }).textContent()).toMatch(/Loại đơn vị:/);
    expect(await treeDialog.getByRole('button', { name: 'Nhập tất cả' }).isDisabled()).toBe(true);
    await chooseFile(page, treeDialog, 'Tệp cây tổ chức', 'cay-to-chuc-da-sua.csv', treeCsv(false));
    await treeDialog.getByRole('button', { name: /^Kiểm tra/ }).click();
    await treeDialog.getByText('Tất cả các dòng đều hợp lệ.').waitFor();
    await treeDialog.getByText(`Thêm mới: ${GRASSROOTS + CELLS}`).waitFor();
    await treeDialog.getByRole('button', { name: 'Nhập tất cả' }).click();
    await treeDialog.getByText(/^Đã nhập xong\./).waitFor();
    await treeDialog.getByRole('button', { name: 'Đóng', exact: true }).last().click();
    await page.getByRole('list', { name: 'Đơn vị trực thuộc' }).getByRole('link', { name: 'Đảng bộ Sở Bình 1', exact: true }).waitFor();

    await page.goto('/setup');
    await expect.poll(() => page.getByTestId('setup-tree-facts').textContent()).toBe(`Đang có ${1 + GRASSROOTS + CELLS} đơn vị.`);
    const members = step(page, /Thành viên/);
    await expect.poll(() => members.getAttribute('aria-current')).toBe('step');

    // Step 3: 1,000 members into their cells by code, with the secretaries' position.
    await members.getByRole('link', { name: 'Nhập danh sách thành viên' }).click();
    const memberDialog = page.getByRole('dialog', { name: `Nhập danh sách — ${TOP}` });
    await chooseFile(page, memberDialog, 'Tệp danh sách', 'dang-vien.csv', membersCsv());
    await memberDialog.getByRole('button', { name: 'Kiểm tra' }).click();
    await memberDialog.getByText('Tất cả các dòng đều hợp lệ.').waitFor();
    await memberDialog.getByRole('button', { name: 'Nhập tất cả' }).click();
    await memberDialog.waitFor({ state: 'detached', timeout: 60_000 });
    await page.goto('/setup');
    await expect.poll(() => page.getByTestId('setup-members-facts').textContent()).toBe('Đang có 1.000 thành viên.');
    expect(await page.getByTestId('setup-accounts-facts').textContent()).toBe(`Đang có 0 tài khoản; ${CELLS} bí thư chưa có tài khoản.`);
    const accounts = step(page, /Tài khoản/);
    await expect.poll(() => accounts.getAttribute('aria-current')).toBe('step');

    // Step 4: an account for every cell's secretary, the slips downloaded once.
    await accounts.getByRole('link', { name: 'Tạo tài khoản hàng loạt' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tạo tài khoản hàng loạt' }).waitFor();
    await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).fill('dang uy khoi cac co quan');
    await page.getByRole('option', { name: new RegExp(`^${TOP}`) }).first().click();
    await page.getByRole('button', { name: 'Xem trước' }).click();
    await page.getByRole('table', { name: 'Tài khoản sẽ tạo' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: `Tạo ${CELLS} tài khoản` }).click()]);
    await page.getByText(`Đã tạo ${CELLS} tài khoản`).waitFor();
    const slips = new ExcelJS.Workbook();
    await slips.xlsx.load(readFileSync((await download.path())!) as unknown as ArrayBuffer);
    // A sheet per cell, each with its secretary.
    expect(slips.worksheets).toHaveLength(CELLS);
    const sheet = slips.worksheets[0]!;
    const row = sheet.getRow(2).values as string[];
    const [cellName, username, password] = [String(row[3]), String(row[4]), String(row[5])];
    expect(cellName).toMatch(/^Chi bộ Phòng \d+$/);
    expect(password).toMatch(/^[2-9a-hjkmnp-z]{10}$/);
    await page.goto('/setup');
    await expect.poll(() => page.getByTestId('setup-accounts-facts').textContent()).toBe(`Đang có ${CELLS} tài khoản; 0 bí thư chưa có tài khoản.`);
    await page.getByText('Đã thiết lập xong', { exact: false }).waitFor();

    // A secretary's first sign-in: the one-time password must be changed, then the cell's work.
    await context.clearCookies();
    await firstSignIn(page, username, password, 'mat-khau-cua-bi-thu');
    await page.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor();
    // The cell's own work: the unit it acts for is its cell.
    await page.getByText(`Nhiệm vụ và báo cáo của ${cellName}, việc quá hạn lên trước.`).waitFor();
  });
});
