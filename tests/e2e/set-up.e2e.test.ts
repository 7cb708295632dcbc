import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './support/accounts.ts';
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

describe('setting up an empty installation', () => {
  const browser = useBrowser({ baseUrl: () => server.url });

  it('takes the administrator from the empty tree to the guide and makes the top unit', async () => {
    const { page } = browser.session();
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
    const tree = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: /Cây tổ chức/ }) });
    await expect.poll(() => tree.getAttribute('aria-current')).toBe('step');
  });
});
