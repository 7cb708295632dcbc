import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { findChromium } from '../../support/targets.ts';

const ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts');

export interface BrowserSession {
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  /** console.error messages and uncaught page errors seen so far; the test fails if any remain. */
  errors: string[];
  /** Saves a full-page screenshot under tests/artifacts/ (git-ignored) for a person to look at. */
  screenshot(name: string): Promise<void>;
}

/**
 * Registers the hooks of a browser journey: one Chromium for the file, a new context (fresh
 * cookies, storage) per test, and a failed test for any console.error or uncaught error in the page.
 * `touch`: the page is on a touch screen, so a test can tap as a phone user does.
 * `baseUrl`: the server of a file that starts its own (support/server.ts), instead of the suite's.
 * Call `session()` inside a test to get its page.
 */
export function useBrowser(opts: { viewport?: { width: number; height: number }; touch?: boolean; baseUrl?: () => string } = {}): { session: () => BrowserSession } {
  let browser: Browser | null = null;
  let current: BrowserSession | null = null;

  beforeAll(async () => {
    const executablePath = findChromium();
    if (!executablePath) throw new Error('Chromium not found (install the Debian package "chromium" or set CHROMIUM_PATH).');
    browser = await chromium.launch({ executablePath, args: ARGS, headless: true });
  });

  afterAll(async () => {
    await browser?.close();
    browser = null;
  });

  beforeEach(async () => {
    if (!browser) throw new Error('The browser did not start.');
    const baseUrl = opts.baseUrl?.() ?? inject('baseUrl');
    const context = await browser.newContext({
      baseURL: baseUrl,
      viewport: opts.viewport ?? { width: 1280, height: 800 },
      // A touch screen: `tap()` as a finger does.
      hasTouch: opts.touch ?? false,
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
    });
    page.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    current = {
      baseUrl,
      context,
      page,
      errors,
      async screenshot(name) {
        mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
      },
    };
  });

  afterEach(async () => {
    const s = current;
    current = null;
    if (!s) return;
    await s.context.close();
    expect(s.errors, 'errors in the browser console').toEqual([]);
  });

  return {
    session() {
      if (!current) throw new Error('session() is only available inside a test.');
      return current;
    },
  };
}
