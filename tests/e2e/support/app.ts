import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './accounts.ts';

/**
 * Signs in through the login page (at `/login`, or the page given, which may carry `?next=`) and
 * waits for the page the account lands on: the tree for the administrator, "Việc cần làm" for an
 * account that does a unit's work, the `next` page when there is one.
 */
export async function signIn(page: Page, username = ADMIN_USERNAME, password = ADMIN_PASSWORD, from = '/login'): Promise<void> {
  await page.goto(from);
  await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(username);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => url.pathname !== '/login' && url.pathname !== '/');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
}

/** A name no other test run has used, for units and people a test creates. */
export function uniqueName(prefix: string): string {
  return `${prefix} ${Date.now().toString(36).slice(-5)}`;
}

/**
 * The first sign-in of an account made in bulk: with its one-time password, the page that asks for
 * a new one, then the page the account lands on (a secretary's "Việc cần làm").
 */
export async function firstSignIn(page: Page, username: string, oneTimePassword: string, newPassword: string): Promise<void> {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Tên đăng nhập' }).fill(username);
  await page.getByRole('textbox', { name: 'Mật khẩu', exact: true }).fill(oneTimePassword);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('heading', { level: 1, name: 'Đổi mật khẩu lần đầu' }).waitFor();
  await page.getByRole('textbox', { name: 'Mật khẩu mới', exact: true }).fill(newPassword);
  await page.getByRole('textbox', { name: 'Nhập lại mật khẩu mới' }).fill(newPassword);
  await page.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
  await page.waitForURL((url) => url.pathname === '/home');
}
