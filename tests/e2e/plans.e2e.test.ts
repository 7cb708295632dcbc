import { describe, expect, it } from 'vitest';
import { signIn } from './support/app.ts';
import { useBrowser } from './support/browser.ts';
import { dayFromToday, DEMO_PASSWORD, expectSpreadsheet, newPlanWithTask, openNav, publish, reportDueWithFigures, signInAs } from './support/plan-steps.ts';

/**
 * The plans backbone in the browser (acceptance 1 of the issue): the bloc committee's staff make
 * plan 48-KH/ĐUK of seed 001 and publish it to every grassroots organisation and cell; a cell
 * secretary finds it among the plans to carry out, fills "Số đảng viên được học tập" and sends the
 * report; the staff see the cell counted on the dashboard (down to its grassroots organisation),
 * return the report with a comment; the cell sends it again and the staff read version 2; a second
 * plan whose deadline has passed lists the overdue units. A phone-size check of the report form
 * follows, with the report kept on the device while the connection is down.
 */

const BLOC = 'Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh';
const GRASSROOTS = 'Đảng bộ Sở Tài chính';
const CELL = 'Chi bộ Văn phòng';
const NUMBER = '48-KH/ĐUK';
const TITLE = 'Tổ chức nghiên cứu, học tập, quán triệt và triển khai thực hiện Kết luận, Quy định của Hội nghị lần thứ tư Ban Chấp hành Trung ương Đảng khóa XIII';
const TASK = 'Tổ chức học tập, quán triệt';
const REPORT = 'Báo cáo kết quả học tập, quán triệt';
const WHOLE = 'Tổng số đảng viên';
const PART = 'Số đảng viên được học tập';
const COMMENT = 'Đề nghị chi bộ ghi rõ số đảng viên dự bị được học tập.';

describe('plans: publish down the tree, report back, review, see progress', () => {
  const browser = useBrowser();

  it('runs plan 48-KH/ĐUK from the bloc committee to a cell and back', async () => {
    const { page, context, screenshot } = browser.session();
    const due = dayFromToday(30);

    // The bloc's staff make the plan of seed 001.
    await signInAs(page, context, 'btg.duk');
    await openNav(page, 'Kế hoạch');
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();
    await page.getByRole('link', { name: 'Lập kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lập kế hoạch' }).waitFor();
    await page.getByText(`Đơn vị ban hành: ${BLOC}`).waitFor();

    const task = await newPlanWithTask(page, NUMBER, TITLE, TASK, due);
    expect(await task.getByRole('combobox', { name: 'Đơn vị thực hiện' }).inputValue()).toBe('Các chi bộ, đảng bộ cơ sở trực thuộc');
    await task.getByRole('textbox', { name: 'Người chịu trách nhiệm' }).fill('Đồng chí bí thư cấp ủy');
    await task.getByRole('textbox', { name: 'Sản phẩm' }).fill('100% cán bộ, đảng viên được học tập');

    await page.getByRole('button', { name: 'Thêm báo cáo' }).click();
    const report = page.getByRole('group', { name: 'Báo cáo 1' });
    await report.getByRole('textbox', { name: 'Nội dung báo cáo' }).fill(REPORT);
    expect(await report.getByRole('combobox', { name: 'Gửi đến' }).inputValue()).toBe(BLOC);
    const via = report.getByRole('combobox', { name: 'Qua (cơ quan tham mưu)' });
    await via.click();
    await via.fill('ban tuyen giao dang uy khoi');
    await page.getByRole('option', { name: /^Ban Tuyên giáo Đảng ủy Khối/ }).first().click();
    await reportDueWithFigures(page, report, due, WHOLE, PART);
    await screenshot('plans-editor');

    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sửa dự thảo kế hoạch' }).waitFor();
    const planUrl = page.url().replace(/\/edit$/, '');
    expect(await page.getByRole('group', { name: 'Nhiệm vụ 1' }).getByRole('textbox', { name: 'Nội dung nhiệm vụ' }).inputValue()).toBe(TASK);

    const instances = await publish(page, NUMBER);
    // One task and one report for each grassroots organisation and cell of the bloc.
    expect(instances).toBeGreaterThan(40);
    expect(instances % 2).toBe(0);
    await page.getByText('Đã ban hành', { exact: true }).first().waitFor();
    await screenshot('plans-page');

    // The cell secretary sees the plan to carry out and the report to send.
    await signInAs(page, context, 'bithu.chibo');
    await openNav(page, 'Kế hoạch');
    // The cell has issued no plan yet: the page opens on the plans it must carry out.
    await page.getByRole('tab', { name: 'Kế hoạch cần thực hiện', selected: true }).waitFor();
    expect(new URL(page.url()).search).toBe('');
    const toCarryOut = page.getByRole('table', { name: 'Kế hoạch cần thực hiện' });
    await toCarryOut.getByRole('row').filter({ hasText: NUMBER }).getByRole('button', { name: `Xây dựng kế hoạch thực hiện ${NUMBER}` }).waitFor();
    await screenshot('plans-to-carry-out');
    // On the plan, what it asks of the cell, downloadable as a spreadsheet.
    await page.goto(planUrl);
    const asked = page.getByRole('region', { name: /^Việc của .* theo kế hoạch này$/ });
    await asked.getByText(TASK, { exact: true }).first().waitFor();
    await expectSpreadsheet(page, asked.getByRole('link', { name: 'Xuất Excel' }));

    await openNav(page, 'Việc cần làm');
    const work = page.getByRole('list', { name: 'Việc cần làm' });
    await work.getByRole('listitem', { name: TASK, exact: true }).waitFor();
    await work.getByRole('link', { name: REPORT, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: REPORT, exact: true }).waitFor();
    await page.getByRole('textbox', { name: WHOLE }).fill('25');
    await page.getByRole('textbox', { name: PART }).fill('23');
    await page.getByText(`Là một phần của "${WHOLE}": 23 / 25 (92,00%)`).waitFor();
    // The minutes attached as evidence go with the version sent.
    await page.locator('input[type=file]').setInputFiles({ name: 'Biên bản hội nghị.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByText('Đã đính kèm "Biên bản hội nghị.pdf".').waitFor();
    await page.getByRole('list', { name: 'Tệp đính kèm' }).getByRole('link', { name: 'Tải về Biên bản hội nghị.pdf' }).waitFor();
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã gửi báo cáo (lần 1).').waitFor();
    await page.getByText('Đã gửi lần 1, đang chờ cấp trên tiếp nhận.').waitFor();

    // One action marks the cell's task done, with a progress note and the evidence.
    await openNav(page, 'Việc cần làm');
    await work.getByRole('checkbox', { name: `Chọn: ${TASK}`, exact: true }).check();
    await page.getByRole('button', { name: 'Đánh dấu hoàn thành (1)' }).click();
    const markDone = page.getByRole('dialog', { name: 'Đánh dấu hoàn thành 1 nhiệm vụ' });
    await markDone.getByRole('textbox', { name: 'Ghi chú tiến độ' }).fill('Đã tổ chức học tập cho toàn thể đảng viên của chi bộ.');
    await markDone.getByRole('textbox', { name: 'Tên minh chứng' }).fill('Biên bản hội nghị học tập');
    await markDone.getByRole('button', { name: 'Đánh dấu hoàn thành (1)' }).click();
    await page.getByText('Đã cập nhật 1 nhiệm vụ.').waitFor();
    await work.getByRole('listitem', { name: TASK, exact: true }).waitFor({ state: 'detached' });

    // The staff see the cell counted, first in its grassroots organisation, then on its own row.
    await signInAs(page, context, 'btg.duk');
    await page.goto(`${planUrl}?tab=progress`);
    const progress = page.getByRole('table', { name: 'Tiến độ theo đơn vị' });
    // Columns: unit, tasks done, completion, on time, reports sent, …
    const cellOf = (name: string, column: number) =>
      progress
        .getByRole('row')
        .filter({ has: page.getByRole('button', { name: `Xem chi tiết ${name}`, exact: true }) })
        .getByRole('cell')
        .nth(column);
    const count = async (name: string, column: number) => (await cellOf(name, column).textContent())?.match(/^\d+\/\d+/)?.[0];
    await expect.poll(() => count(GRASSROOTS, 4)).toMatch(/^1\/\d+$/);
    await expect.poll(() => count(GRASSROOTS, 1)).toMatch(/^1\/\d+$/);
    await progress.getByRole('button', { name: `Xem chi tiết ${GRASSROOTS}`, exact: true }).click();
    await page.getByRole('navigation', { name: 'Cấp đang xem' }).getByText(GRASSROOTS).waitFor();
    await expect.poll(() => count(CELL, 4)).toBe('1/1');
    await expect.poll(() => count(CELL, 1)).toBe('1/1');
    await screenshot('plans-dashboard-drill');
    // The same figures, by unit, as an Excel file.
    await expectSpreadsheet(page, page.getByRole('region', { name: 'Tiến độ theo đơn vị trực thuộc' }).getByRole('link', { name: 'Xuất Excel' }));

    // From there they open the reports of the grassroots organisation and return the cell's with a comment.
    await page.getByRole('link', { name: `Tình hình báo cáo: ${REPORT}`, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tình hình báo cáo' }).waitFor();
    const statusTable = page.getByRole('table', { name: 'Tình hình gửi báo cáo của các đơn vị' });
    // A cell is named with the unit it belongs to: several cells are called "Chi bộ Văn phòng".
    const cellStatus = statusTable.getByRole('row').filter({ has: page.getByRole('cell', { name: `${CELL} Trực thuộc ${GRASSROOTS}`, exact: true }) });
    await cellStatus.getByText('Đã báo cáo').waitFor();
    await screenshot('reports-status');
    await expectSpreadsheet(page, page.getByRole('link', { name: 'Xuất Excel' }));
    // Urge, in one action, every unit of the grassroots organisation that has not sent it yet.
    await page.getByRole('button', { name: 'Đôn đốc', exact: true }).click();
    const urge = page.getByRole('dialog', { name: 'Đôn đốc đơn vị chưa gửi báo cáo' });
    await urge.getByRole('radio', { name: 'Mọi đơn vị chưa gửi' }).check();
    await urge.getByRole('button', { name: 'Gửi đôn đốc' }).click();
    await page.getByText(/^Đã đôn đốc [1-9]\d* đơn vị/).waitFor();
    // The cells without an account could not be told: they are named, with the urging letter for them.
    await urge.getByRole('alert').getByText(/^Không gửi được thông báo cho [1-9]\d* đơn vị chưa có tài khoản/).waitFor();
    await urge.getByRole('link', { name: 'Tải công văn đôn đốc (.docx)' }).waitFor();
    await urge.getByRole('button', { name: 'Đóng', exact: true }).last().click();
    await urge.waitFor({ state: 'hidden' });
    await cellStatus.getByRole('link', { name: `Xem báo cáo của ${CELL}` }).click();
    await page.getByRole('heading', { level: 1, name: REPORT, exact: true }).waitFor();
    // The Khối reads the cell's report but does not review it: the cell reports to its đảng bộ.
    await page.getByText('Đơn vị nhận báo cáo', { exact: true }).waitFor();
    expect(await page.getByRole('region', { name: 'Tiếp nhận báo cáo' }).count()).toBe(0);
    const reportUrl = page.url();

    // The đảng bộ's secretary was told the report arrived; they return it with a comment.
    await signInAs(page, context, 'bithu.dangbo');
    await page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    await page.getByRole('dialog', { name: 'Thông báo' }).getByRole('button', { name: new RegExp(`^${CELL} đã gửi`) }).first().click();
    await page.getByRole('heading', { level: 1, name: REPORT, exact: true }).waitFor();
    const review = page.getByRole('region', { name: 'Tiếp nhận báo cáo' });
    await review.getByRole('textbox', { name: 'Ý kiến' }).fill(COMMENT);
    await review.getByRole('button', { name: 'Trả lại' }).click();
    await page.getByText(`Đã trả lại báo cáo của ${CELL}.`).waitFor();
    await page.getByText('Bị trả lại, cần gửi lại').first().waitFor();

    // The cell is told by the bell, corrects the figure and sends version 2.
    await signInAs(page, context, 'bithu.chibo');
    await page.getByRole('button', { name: /^Thông báo: \d+ chưa đọc$/ }).click();
    await page.getByRole('dialog', { name: 'Thông báo' }).getByRole('button', { name: /Cấp trên trả lại/ }).first().click();
    await page.getByRole('heading', { level: 1, name: REPORT, exact: true }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Báo cáo lần 1 bị trả lại' }).getByText(COMMENT).waitFor();
    expect(await page.getByRole('textbox', { name: PART }).inputValue()).toBe('23');
    await page.getByRole('textbox', { name: PART }).fill('24');
    await screenshot('reports-resubmit');
    await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await page.getByText('Đã gửi báo cáo (lần 2).').waitFor();

    // The đảng bộ reads version 2, and version 1 with the comment stays readable.
    await signInAs(page, context, 'bithu.dangbo');
    await page.goto(reportUrl);
    await page.getByRole('region', { name: 'Tiếp nhận báo cáo' }).getByText('Báo cáo lần 2 đang chờ tiếp nhận.').waitFor();
    const versions = page.getByRole('region', { name: 'Các lần gửi' });
    await versions.getByRole('button', { name: /^Lần gửi 2/ }).waitFor();
    const partRow = versions.getByRole('table', { name: 'Số liệu lần gửi 2' }).getByRole('row', { name: new RegExp(`^${PART}`) });
    expect(await partRow.getByRole('cell').first().textContent()).toMatch(/^24 \/ 25/);
    // Version 2 carried the minutes forward; they download under their own name.
    const minutes = versions.getByRole('list', { name: 'Tệp đính kèm của lần gửi 2' }).getByRole('link', { name: 'Tải về Biên bản hội nghị.pdf' });
    const [download] = await Promise.all([page.waitForEvent('download'), minutes.click()]);
    expect(download.suggestedFilename()).toBe('Biên bản hội nghị.pdf');
    await versions.getByRole('button', { name: /^Lần gửi 1/ }).click();
    await versions.getByText(COMMENT).waitFor();
    await versions.getByRole('list', { name: 'Tệp đính kèm của lần gửi 1' }).getByRole('link', { name: 'Tải về Biên bản hội nghị.pdf' }).waitFor();
    await screenshot('reports-versions');

    // A second plan whose deadline passed 30 days ago: every unit it is given to is overdue.
    await signInAs(page, context, 'btg.duk');
    await openNav(page, 'Kế hoạch');
    await page.getByRole('link', { name: 'Lập kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lập kế hoạch' }).waitFor();
    await newPlanWithTask(page, '49-KH/ĐUK', 'Kiểm tra việc gửi danh sách báo cáo viên', 'Gửi danh sách báo cáo viên về Ban Tuyên giáo', dayFromToday(-30));
    const overdueInstances = await publish(page, '49-KH/ĐUK');
    await page.getByRole('tab', { name: 'Theo dõi tiến độ' }).click();
    const overdue = page.getByRole('table', { name: 'Nhiệm vụ, báo cáo quá hạn' });
    await overdue.waitFor();
    await page.getByText(`${overdueInstances} nhiệm vụ và 0 báo cáo quá hạn, trễ nhiều nhất lên trước.`).waitFor();
    const rows = overdue.getByRole('row').filter({ hasText: 'Gửi danh sách báo cáo viên' });
    expect(await rows.count()).toBeGreaterThan(0);
    // 30 days late (31 if the day turned over in Vietnam during the test).
    expect(await rows.first().getByRole('cell').filter({ hasText: / ngày$/ }).first().textContent()).toMatch(/^3[01] ngày$/);
    await screenshot('plans-overdue');
    // The whole loop, through four accounts and two plans: more than one ordinary test's minute on a busy machine.
  }, 120_000);
});

describe('the report form on a phone (360 × 740)', () => {
  const browser = useBrowser({ viewport: { width: 360, height: 740 } });

  it('has large fields and buttons, keeps the report on the device while offline and sends it later', async () => {
    const { page, context, errors, screenshot } = browser.session();
    const title = 'Báo cáo số đảng viên tham gia sinh hoạt chuyên đề';

    // A plan published through the API by the bloc's staff, with a report for every cell.
    const api = context.request;
    expect((await api.post('/api/auth/login', { data: { username: 'btg.duk', password: DEMO_PASSWORD } })).status()).toBe(200);
    const me = (await (await api.get('/api/auth/me')).json()) as { grants: { unitId: string }[] };
    const created = await api.post('/api/plans', {
      data: {
        unitId: me.grants[0]!.unitId,
        number: '50-KH/ĐUK',
        title: 'Sinh hoạt chuyên đề quý',
        obligations: [
          {
            title,
            due: [{ type: 'date', value: dayFromToday(20) }],
            form: { figures: [{ key: 'tong_so', label: WHOLE }, { key: 'tham_gia', label: 'Số đảng viên tham gia', of: 'tong_so' }] },
          },
        ],
      },
    });
    expect(created.status()).toBe(201);
    const planId = ((await created.json()) as { id: string }).id;
    expect((await api.post(`/api/plans/${planId}/publish`)).status()).toBe(200);

    // A cell secretary lands on "Việc cần làm" after signing in.
    await signInAs(page, context, 'bithu.chibo');
    expect(new URL(page.url()).pathname).toBe('/home');
    await page.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor();
    await page.getByRole('list', { name: 'Việc cần làm' }).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    // The cell's party members today, from its member list: the form fills the whole in with them.
    const cellMe = (await (await api.get('/api/auth/me')).json()) as { grants: { unitId: string }[] };
    const listed = ((await (await api.get(`/api/units/${cellMe.grants[0]!.unitId}/members?limit=200`)).json()) as { items: { category: string }[] }).items;
    const partyMembers = String(listed.filter((m) => m.category === 'party_full' || m.category === 'party_probationary').length);

    const whole = page.getByRole('textbox', { name: WHOLE });
    const part = page.getByRole('textbox', { name: 'Số đảng viên tham gia' });
    const send = page.getByRole('button', { name: 'Gửi báo cáo' });
    const draft = page.getByRole('button', { name: 'Lưu nháp' });
    for (const target of [whole, part, send, draft]) {
      const box = (await target.boundingBox())!;
      expect(box.height, 'touch target height').toBeGreaterThanOrEqual(44);
      expect(box.width, 'field or button width').toBeGreaterThanOrEqual(300);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(await whole.inputValue()).toBe(partyMembers);
    await page.getByText('Tự điền từ danh sách đảng viên', { exact: true }).waitFor();
    // Letters typed in a figure are refused with a reason, not left for "fill this in" at sending time.
    await part.pressSequentially('abc');
    await page.getByText('Chỉ nhập số (chữ số 0–9), không nhập chữ.').waitFor();
    expect(await part.inputValue()).toBe('');
    await whole.fill('18');
    await page.getByText(`Danh sách đảng viên: ${partyMembers}`).waitFor();
    await part.fill('17');
    expect(await page.getByText('Chỉ nhập số (chữ số 0–9), không nhập chữ.').count()).toBe(0);
    await screenshot('phone-report-form');

    // No connection: the report is kept on the device, then restored and sent.
    await context.setOffline(true);
    await send.click();
    await page.getByRole('alert').filter({ hasText: 'Chưa gửi được' }).waitFor();
    await context.setOffline(false);
    // The failed request is the only thing the browser complained about.
    expect(errors.every((e) => /ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), errors.join('\n')).toBe(true);
    errors.length = 0;

    await page.reload();
    await page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor();
    expect(await whole.inputValue()).toBe(partyMembers);
    await page.getByRole('button', { name: 'Khôi phục' }).click();
    expect(await whole.inputValue()).toBe('18');
    expect(await part.inputValue()).toBe('17');
    await send.click();
    await page.getByText('Đã gửi báo cáo (lần 1).').waitFor();
    await screenshot('phone-report-sent');

    // A page asked for before signing in wins over the landing page.
    await context.clearCookies();
    await signIn(page, 'bithu.chibo', DEMO_PASSWORD, '/login?next=%2Fplans');
    expect(new URL(page.url()).pathname).toBe('/plans');
    await page.getByRole('heading', { level: 1, name: 'Kế hoạch' }).waitFor();
  });
});
