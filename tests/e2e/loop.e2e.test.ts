import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useBrowser } from './support/browser.ts';
import { dayFromToday, newPlanWithTask, openNav, publish, reportDueWithFigures, signInAs } from './support/plan-steps.ts';

/**
 * The loop of the seeds, as each of its users (docs/decisions/014-reporting-chain.md): the Khối
 * publishes a plan to its grassroots organisations and cells; the đảng bộ cơ sở makes its own plan
 * for its cells; a cell, on a phone, makes its own from the đảng bộ's, does the task in it and
 * reports to the đảng bộ; the Khối's dashboard counts the cell's task and its implementing-plan
 * check sees every level; the đảng bộ accepts the cell's report, enters a paper report for a cell
 * without an account, consolidates and sends its report up; the Khối finds it on its home among
 * what awaits it and who is late, and reaches the cells' reports by drill-down.
 */

const BLOC = 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh';
const GRASSROOTS = 'Đảng bộ Sở Tài chính';
const CELL = 'Chi bộ Văn phòng';
const PAPER_CELL = 'Chi bộ Thanh tra Sở';
const KHOI_NUMBER = '52-KH/ĐUK';
const DANGBO_NUMBER = '12-KH/ĐU';
const CELL_NUMBER = '05-KH/CB';
const TITLE = 'Học tập, quán triệt và thực hiện Chỉ thị về tăng cường công tác xây dựng Đảng';
const TASK = 'Tổ chức học tập Chỉ thị cho toàn thể đảng viên';
const REPORT = 'Báo cáo kết quả học tập Chỉ thị';
const WHOLE = 'Tổng số đảng viên';
const PART = 'Số đảng viên được học tập';

let khoiPlanUrl = '';

/** Makes the draft the unit's own plan of `parentNumber` (its "plans to carry out"), numbers it and publishes it. */
async function buildOwnPlan(page: Page, parentNumber: string, number: string): Promise<void> {
  await page.goto('/plans');
  await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();
  await page.getByRole('tab', { name: 'Kế hoạch cần thực hiện' }).click();
  await page.getByRole('button', { name: `Xây dựng kế hoạch thực hiện ${parentNumber}`, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Sửa dự thảo kế hoạch' }).waitFor();
  // Pre-filled with what the superior's plan asks of the unit.
  expect(await page.getByRole('group', { name: 'Nhiệm vụ 1' }).getByRole('textbox', { name: 'Nội dung nhiệm vụ' }).inputValue()).toBe(TASK);
  await page.getByRole('textbox', { name: 'Số, ký hiệu' }).fill(number);
  await publish(page, number);
}

describe('the loop closes, on a desktop', () => {
  const browser = useBrowser();

  it('the Khối publishes a plan to its grassroots organisations and cells, and the đảng bộ makes its own for its cells', async () => {
    const { page, context } = browser.session();
    const taskDue = dayFromToday(20);
    // The report was due yesterday: who has not sent it is late.
    const reportDue = dayFromToday(-1);

    await signInAs(page, context, 'btg.duk');
    await openNav(page, 'Kế hoạch');
    await page.getByRole('link', { name: 'Lập kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lập kế hoạch' }).waitFor();
    await newPlanWithTask(page, KHOI_NUMBER, TITLE, TASK, taskDue);
    await page.getByRole('button', { name: 'Thêm báo cáo' }).click();
    const report = page.getByRole('group', { name: 'Báo cáo 1' });
    await report.getByRole('textbox', { name: 'Nội dung báo cáo' }).fill(REPORT);
    expect(await report.getByRole('combobox', { name: 'Gửi đến' }).inputValue()).toBe(BLOC);
    await reportDueWithFigures(page, report, reportDue, WHOLE, PART);
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sửa dự thảo kế hoạch' }).waitFor();
    khoiPlanUrl = page.url().replace(/\/edit$/, '');
    expect(await publish(page, KHOI_NUMBER)).toBeGreaterThan(40);

    // The đảng bộ's secretary makes the đảng bộ's plan for its cells from it.
    await signInAs(page, context, 'bithu.dangbo');
    await buildOwnPlan(page, KHOI_NUMBER, DANGBO_NUMBER);
  });
});

describe('the loop closes, a cell on a phone (360 × 740)', () => {
  const browser = useBrowser({ viewport: { width: 360, height: 740 } });

  it('the cell makes its own plan from the đảng bộ’s, does the task in it once, and reports to its đảng bộ', async () => {
    const { page, context, screenshot } = browser.session();
    await signInAs(page, context, 'bithu.chibo');
    await buildOwnPlan(page, DANGBO_NUMBER, CELL_NUMBER);

    // Three plans ask it of the cell (the Khối's, the đảng bộ's, its own): it is on the list once.
    await page.goto('/home');
    const work = page.getByRole('list', { name: 'Việc cần làm' });
    await work.getByRole('listitem', { name: TASK, exact: true }).waitFor();
    expect(await work.getByRole('listitem', { name: TASK, exact: true }).count()).toBe(1);
    await work.getByRole('checkbox', { name: `Chọn: ${TASK}`, exact: true }).check();
    await page.getByRole('button', { name: 'Đánh dấu hoàn thành (1)' }).click();
    const markDone = page.getByRole('dialog', { name: 'Đánh dấu hoàn thành 1 nhiệm vụ' });
    await markDone.getByRole('textbox', { name: 'Ghi chú tiến độ' }).fill('Chi bộ đã tổ chức học tập cho 24/25 đảng viên.');
    await markDone.getByRole('button', { name: 'Đánh dấu hoàn thành (1)' }).click();
    await page.getByText('Đã cập nhật 1 nhiệm vụ.').waitFor();
    await work.getByRole('listitem', { name: TASK, exact: true }).waitFor({ state: 'detached' });

    // The report, once: to the đảng bộ, not to the Khối.
    expect(await work.getByRole('link', { name: REPORT, exact: true }).count()).toBe(1);
    await work.getByRole('link', { name: REPORT, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: REPORT, exact: true }).waitFor();
    await page.getByText(GRASSROOTS, { exact: true }).first().waitFor();
    await page.getByRole('textbox', { name: WHOLE }).fill('25');
    await page.getByRole('textbox', { name: PART }).fill('24');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã gửi báo cáo (lần 1).').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot('loop-phone-cell-reported');
  });
});

describe('the loop closes, back up on a desktop', () => {
  const browser = useBrowser();

  it('the Khối’s dashboard counts the cell’s task done in its own plan, and the implementing-plan check sees every level', async () => {
    const { page, context, screenshot } = browser.session();
    await signInAs(page, context, 'btg.duk');
    await page.goto(`${khoiPlanUrl}?tab=progress`);
    const progress = page.getByRole('table', { name: 'Tiến độ theo đơn vị' });
    await progress.getByRole('button', { name: `Xem chi tiết ${GRASSROOTS}`, exact: true }).click();
    await page.getByRole('navigation', { name: 'Cấp đang xem' }).getByText(GRASSROOTS).waitFor();
    const row = (name: string) => progress.getByRole('row').filter({ has: page.getByRole('button', { name: `Xem chi tiết ${name}`, exact: true }) });
    await expect.poll(async () => (await row(CELL).getByRole('cell').nth(1).textContent())?.match(/^\d+\/\d+/)?.[0]).toBe('1/1');
    // The đảng bộ's own row makes the rows add up to the total.
    await progress.getByRole('cell', { name: `Chính đơn vị: ${GRASSROOTS}` }).waitFor();
    await screenshot('loop-dashboard-drill');

    await page.getByRole('tab', { name: 'Kế hoạch thực hiện' }).click();
    const coverage = page.getByRole('table', { name: 'Kiểm tra việc cụ thể hóa nhiệm vụ' });
    const taskRow = coverage.getByRole('row').filter({ hasText: TASK });
    // The đảng bộ and its cell with their own plans are covered, at two levels below the Khối.
    const covered = Number((await taskRow.getByText(/^\d+\/\d+ đơn vị$/).textContent())!.split('/')[0]);
    expect(covered).toBeGreaterThanOrEqual(2);
  });

  it('the đảng bộ accepts its cell’s report, enters a paper report for another, consolidates and sends its report up', async () => {
    const { page, context, screenshot } = browser.session();
    await signInAs(page, context, 'bithu.dangbo');
    await page.goto('/home');
    const received = page.getByRole('region', { name: 'Báo cáo gửi về đơn vị' });
    await received.waitFor();
    const awaiting = received.getByRole('list', { name: 'Chờ tiếp nhận' });
    await awaiting.getByRole('listitem').filter({ hasText: KHOI_NUMBER }).getByRole('link', { name: CELL }).click();
    await page.getByRole('heading', { level: 1, name: REPORT, exact: true }).waitFor();
    await page.getByRole('region', { name: 'Tiếp nhận báo cáo' }).getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByText(`Đã tiếp nhận báo cáo của ${CELL}.`).waitFor();

    // A cell without an account sent its report on paper: the đảng bộ enters it, marked as entered on its behalf.
    await page.goto('/home');
    await received.getByText(/^Quá hạn chưa gửi \(\d+\)$/).click();
    const late = received.getByRole('list', { name: 'Quá hạn chưa gửi' });
    await late.getByRole('listitem').filter({ hasText: KHOI_NUMBER }).getByRole('link', { name: PAPER_CELL }).click();
    await page.getByRole('heading', { level: 1, name: REPORT, exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nhập thay báo cáo (từ báo cáo giấy)' }).click();
    await page.getByRole('textbox', { name: WHOLE }).fill('20');
    await page.getByRole('textbox', { name: PART }).fill('20');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã gửi báo cáo (lần 1).').waitFor();
    await page.getByText(/nhập thay/i).first().waitFor();
    await page.getByRole('region', { name: 'Tiếp nhận báo cáo' }).getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByText(`Đã tiếp nhận báo cáo của ${PAPER_CELL}.`).waitFor();

    // The consolidation adds up the two accepted reports and goes up as the đảng bộ's own report.
    await openNav(page, 'Tổng hợp báo cáo');
    await page.getByRole('heading', { level: 1, name: 'Tổng hợp báo cáo' }).waitFor();
    const fromAbove = page.getByRole('region', { name: 'Kế hoạch cấp trên giao thực hiện' });
    await fromAbove.getByRole('button', { name: new RegExp(`Kế hoạch ${KHOI_NUMBER}`) }).first().click();
    await fromAbove.getByRole('link', { name: REPORT }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo tổng hợp' }).waitFor();
    const figures = page.getByRole('table', { name: 'Số liệu tổng hợp' });
    await expect.poll(() => figures.getByRole('row').filter({ hasText: WHOLE }).getByRole('cell').nth(1).textContent()).toBe('45');
    // The part with its share of the whole: 44 of 45.
    await expect.poll(() => figures.getByRole('row').filter({ hasText: PART }).getByRole('cell').nth(1).textContent()).toMatch(/^44\b/);
    await screenshot('loop-dangbo-consolidation');
    await page.getByRole('button', { name: 'Gửi lên cấp trên' }).click();
    await page.getByRole('dialog', { name: 'Gửi báo cáo tổng hợp lên cấp trên' }).getByRole('button', { name: 'Gửi lên cấp trên' }).click();
    await page.getByText('Đã gửi báo cáo tổng hợp lên cấp trên.').waitFor();
  });

  it('the Khối finds the đảng bộ’s report awaiting it and who is late on its home, and the cells’ reports by drill-down', async () => {
    const { page, context, screenshot } = browser.session();
    await signInAs(page, context, 'btg.duk');
    await page.goto('/home');
    const received = page.getByRole('region', { name: 'Báo cáo gửi về đơn vị' });
    const awaiting = received.getByRole('list', { name: 'Chờ tiếp nhận' });
    const item = awaiting.getByRole('listitem').filter({ hasText: KHOI_NUMBER });
    await item.getByRole('link', { name: GRASSROOTS }).waitFor();
    // Only the đảng bộ: its cells report to it, not to the Khối.
    expect(await item.getByRole('link', { name: CELL, exact: true }).count()).toBe(0);
    // The other grassroots organisations, late since yesterday, are listed as late.
    await received.getByText(/^Quá hạn chưa gửi \(\d+\)$/).click();
    const late = received.getByRole('list', { name: 'Quá hạn chưa gửi' });
    expect(await late.getByRole('listitem').filter({ hasText: KHOI_NUMBER }).count()).toBeGreaterThan(0);
    await screenshot('loop-khoi-home');

    await received.getByText(/^Chờ tiếp nhận \(\d+\)$/).click();
    await item.getByRole('link', { name: GRASSROOTS }).click();
    await page.getByRole('heading', { level: 1, name: REPORT, exact: true }).waitFor();
    await page.getByRole('region', { name: 'Tiếp nhận báo cáo' }).getByRole('button', { name: 'Chấp nhận' }).click();
    await page.getByText(`Đã tiếp nhận báo cáo của ${GRASSROOTS}.`).waitFor();

    // Drill down: the reports the đảng bộ received from its cells.
    await page.goto(`${khoiPlanUrl}?tab=progress`);
    await page.getByRole('link', { name: `Tình hình báo cáo: ${REPORT}`, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tình hình báo cáo' }).waitFor();
    await page.getByRole('link', { name: `Xem tình hình báo cáo do ${GRASSROOTS} tiếp nhận` }).click();
    const table = page.getByRole('table', { name: 'Tình hình gửi báo cáo của các đơn vị' });
    // Each cell named with the unit it belongs to.
    await table.getByRole('row').filter({ has: page.getByRole('cell', { name: `${CELL} Trực thuộc ${GRASSROOTS}`, exact: true }) }).waitFor();
    await table.getByRole('row').filter({ has: page.getByRole('cell', { name: `${PAPER_CELL} Trực thuộc ${GRASSROOTS}`, exact: true }) }).waitFor();
    await screenshot('loop-khoi-drill-reports');
  });
});
