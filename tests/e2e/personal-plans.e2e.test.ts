import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { foldForSearch } from '#core/text/fold.ts';
import type { CoverageRow, MyRounds, RoundCoverage, RoundList, RoundMemberRow, RoundMembers } from '#shared/personal-plans.ts';
import { signIn } from './support/app.ts';
import { useBrowser } from './support/browser.ts';

/**
 * Acceptance of personal plans (issue 16) on a phone (360 × 740), on the demo round at Đảng ủy xã Kỳ
 * Hoa: a party member of the primary school's cell writes their Mẫu 02 plan and sends it; the cell's
 * secretary returns it with a comment; the member fixes and resends it; the secretary confirms it;
 * the commune's secretary sees the round's coverage, and every figure equals a recount of the
 * members through the API.
 */

const DEMO_PASSWORD = 'trienkhai-demo';
const ROUND = /^Đăng ký kế hoạch cá nhân thực hiện chủ đề năm \d{4}$/i;
const ITEM = 'Gương mẫu chấp hành Quy định 37-QĐ/TW về những điều đảng viên không được làm; nói đi đôi với làm trong giảng dạy và sinh hoạt';
const COMMENT = 'Nội dung còn chung chung, đề nghị ghi rõ việc làm cụ thể và thời gian thực hiện.';
const MEETING = 'Sinh hoạt chuyên đề góp ý kế hoạch cá nhân của đảng viên';
const FIX = ' Mỗi tháng tự kiểm điểm một lần trong sinh hoạt chi bộ.';

type Me = { personId: string | null; fullName: string | null; grants: { unitId: string; unitName: string }[] };

async function login(api: APIRequestContext, username: string): Promise<Me> {
  expect((await api.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } })).status()).toBe(200);
  return (await (await api.get('/api/auth/me')).json()) as Me;
}

async function getJson<T>(api: APIRequestContext, url: string): Promise<T> {
  const res = await api.get(url);
  expect(res.status(), url).toBe(200);
  return (await res.json()) as T;
}

/** Today in Vietnam (YYYY-MM-DD). */
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** The figures of a round at a unit counted member by member from the list of its whole subtree. */
async function recount(api: APIRequestContext, roundId: string, unitId: string, submitBy: string | null) {
  const rows: RoundMemberRow[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await getJson<RoundMembers>(api, `/api/rounds/${roundId}/members?unit=${unitId}&subtree=true&limit=200&offset=${offset}`);
    rows.push(...page.items);
    if (rows.length >= page.total || page.items.length === 0) break;
  }
  const submitted = (r: RoundMemberRow) => r.state === 'submitted' || r.state === 'confirmed' || r.confirmedOn !== null;
  const must = rows.length;
  const sub = rows.filter(submitted).length;
  return {
    must,
    submitted: sub,
    confirmed: rows.filter((r) => r.confirmedOn !== null).length,
    late: rows.filter((r) => r.late).length,
    overdue: submitBy !== null && today() > submitBy ? must - sub : 0,
    leaders: rows.filter((r) => r.leader).length,
    leadersRegistered: rows.filter((r) => r.leader && submitted(r)).length,
  };
}

const n = (x: number) => new Intl.NumberFormat('vi-VN').format(x);
const pct = (part: number, whole: number) => (whole === 0 ? '' : ` (${Math.floor((part * 100) / whole)}%)`);

async function openMenuItem(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Mở menu điều hướng' }).click();
  await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name, exact: true }).click();
}

/** The member opens "Kế hoạch cá nhân" and their plan of the round from "Của tôi". */
async function openMyPlan(page: Page, title: string): Promise<void> {
  await openMenuItem(page, 'Kế hoạch cá nhân');
  await page.getByRole('heading', { level: 1, name: 'Kế hoạch cá nhân' }).waitFor();
  await page.getByRole('region', { name: 'Của tôi' }).getByRole('link', { name: title, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

describe('a personal plan on a phone (360 × 740)', () => {
  const browser = useBrowser({ viewport: { width: 360, height: 740 }, touch: true });

  it('a member writes and sends their Mẫu 02 plan; the secretary returns it, the member resends, the secretary confirms; the commune sees the coverage', async () => {
    const { page, context, screenshot, errors } = browser.session();
    const api = context.request;

    // The round and the commune's figures before the journey, through the API.
    const commune = (await login(api, 'bithu.kyhoa')).grants[0]!;
    const rounds = await getJson<RoundList>(api, `/api/rounds?unit=${commune.unitId}&limit=50`);
    const round = rounds.items.find((r) => ROUND.test(r.title));
    expect(round, 'the demo round').toBeTruthy();
    const title = round!.title;
    const before = await getJson<RoundCoverage>(api, `/api/rounds/${round!.id}?unit=${commune.unitId}`);
    await api.post('/api/auth/logout');
    const member = await login(api, 'dangvien.tieuhoc');
    const mine = await getJson<MyRounds>(api, '/api/my/rounds');
    const asked = mine.items.find((x) => x.round.id === round!.id);
    expect(asked?.state).toBe('pending');
    expect(asked?.formLabel).toBe('Mẫu 02');
    const fullName = member.fullName!;
    await api.post('/api/auth/logout');
    await context.clearCookies();

    // 1. The member: no item yet is refused with the bound in Vietnamese; one item with its area, a draft, then sent.
    await signIn(page, 'dangvien.tieuhoc', DEMO_PASSWORD);
    await openMyPlan(page, title);
    await page.getByText('Mẫu 02', { exact: true }).waitFor();
    const items = page.getByRole('region', { name: 'Nội dung phấn đấu' });
    await items.getByText('Từ 1 đến 2 nội dung').waitFor();
    await page.getByRole('button', { name: 'Gửi chi bộ' }).click();
    await items.getByText('Kế hoạch năm cần từ 1 đến 2 nội dung').waitFor();
    await page.getByRole('alert').filter({ hasText: 'Kế hoạch chưa gửi được' }).waitFor();
    // The refused submission is the only thing the browser complained about.
    expect(errors.every((e) => /status of 400/.test(e)), errors.join('\n')).toBe(true);
    errors.length = 0;
    await items.getByRole('button', { name: 'Thêm nội dung' }).click();
    await items.getByRole('textbox', { name: 'Nội dung 1' }).fill(ITEM);
    await items.getByRole('combobox', { name: 'Lĩnh vực của nội dung 1' }).tap();
    await page.getByRole('option', { name: 'Đạo đức, lối sống' }).click();
    // The year's bounds: a second item may be added, not a third.
    expect(await items.getByRole('button', { name: 'Xóa nội dung 1' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const send = page.getByRole('button', { name: 'Gửi chi bộ' });
    expect((await send.boundingBox())!.height, 'touch target height').toBeGreaterThanOrEqual(36);
    await screenshot('phone-personal-plan');
    await page.getByRole('button', { name: 'Lưu nháp' }).click();
    await page.getByText('Đang soạn', { exact: true }).first().waitFor();
    await expect.poll(() => items.getByRole('textbox', { name: 'Nội dung 1' }).inputValue()).toBe(ITEM);
    await send.click();
    await page.getByText('Đã nộp, chờ xác nhận', { exact: true }).first().waitFor();
    await page.getByText(ITEM).first().waitFor();

    // 2. The cell's secretary finds the member among "Đã nộp" and returns the plan with a comment.
    await context.clearCookies();
    await signIn(page, 'bithu.tieuhoc', DEMO_PASSWORD);
    await openMenuItem(page, 'Kế hoạch cá nhân');
    await page.getByRole('region', { name: /^Các đợt của / }).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const list = page.getByRole('region', { name: /^Thành viên của / });
    await list.getByRole('group', { name: 'Lọc theo tình trạng' }).getByText('Đã nộp', { exact: true }).click();
    await list.getByRole('searchbox', { name: 'Tìm thành viên' }).fill(foldForSearch(fullName));
    await list.getByRole('link', { name: fullName, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.getByText(ITEM).first().waitFor();
    await page.getByRole('button', { name: 'Trả lại', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `Trả lại kế hoạch của ${fullName}` });
    await dialog.getByRole('textbox', { name: 'Lý do trả lại' }).fill(COMMENT);
    await dialog.getByRole('button', { name: 'Trả lại', exact: true }).click();
    await page.getByText('Bị trả lại', { exact: true }).first().waitFor();
    const planUrl = new URL(page.url()).pathname;

    // 3. The member reads the comment, fixes the item and sends it again.
    await context.clearCookies();
    await signIn(page, 'dangvien.tieuhoc', DEMO_PASSWORD);
    await openMyPlan(page, title);
    await page.getByRole('status').filter({ hasText: 'Chi bộ trả lại kế hoạch để sửa' }).getByText(COMMENT).waitFor();
    const text = page.getByRole('textbox', { name: 'Nội dung 1', exact: true });
    await text.fill(ITEM + FIX);
    await page.getByRole('button', { name: 'Gửi chi bộ' }).click();
    await page.getByText('Đã nộp, chờ xác nhận', { exact: true }).first().waitFor();

    // 4. The secretary confirms it: it no longer changes.
    await context.clearCookies();
    await signIn(page, 'bithu.tieuhoc', DEMO_PASSWORD);
    await page.goto(planUrl);
    await page.getByText(ITEM + FIX).first().waitFor();
    await page.getByRole('button', { name: 'Xác nhận', exact: true }).click();
    await page.getByText(/^Kế hoạch đã được xác nhận ngày \d{2}\/\d{2}\/\d{4}, không sửa được\.$/).waitFor();
    expect(await page.getByRole('textbox', { name: 'Nội dung 1', exact: true }).count()).toBe(0);
    // The year-end look back opens on the confirmed plan: the secretary may comment on each item.
    await page.getByRole('textbox', { name: 'Nhận xét của bí thư về nội dung 1' }).waitFor();

    // The cell records the thematic meeting that discussed the plans (seed 003 §3, step 3), from the round's page.
    await openMenuItem(page, 'Kế hoạch cá nhân');
    await page.getByRole('region', { name: /^Các đợt của / }).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('link', { name: 'Ghi nhận hội nghị chuyên đề thảo luận kế hoạch cá nhân' }).click();
    await page.getByRole('textbox', { name: 'Tên hội nghị, buổi sinh hoạt' }).fill(MEETING);
    expect(await page.getByRole('combobox', { name: 'Đợt kế hoạch cá nhân được thảo luận' }).inputValue()).toBe(title);
    await page.getByRole('button', { name: 'Lưu kế hoạch' }).click();
    await page.getByRole('heading', { level: 1, name: MEETING }).waitFor();
    await openMenuItem(page, 'Kế hoạch cá nhân');
    await page.getByRole('region', { name: /^Các đợt của / }).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('region', { name: 'Hội nghị chuyên đề đã thảo luận' }).getByRole('link', { name: MEETING }).waitFor();

    // 5. The commune's secretary: the round's figures at the commune, each equal to a recount of the members.
    await context.clearCookies();
    await signIn(page, 'bithu.kyhoa', DEMO_PASSWORD);
    await openMenuItem(page, 'Kế hoạch cá nhân');
    await page.getByRole('region', { name: /^Các đợt của / }).getByRole('link', { name: title, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const figures = page.getByRole('group', { name: `Kết quả của ${commune.unitName} và các đơn vị trực thuộc` });
    await figures.waitFor();
    const c = await recount(api, round!.id, commune.unitId, round!.submitBy);
    expect(c.confirmed).toBe(before.total.confirmed + 1);
    const expected = [
      `Phải lập: ${n(c.must)}`,
      `Đã nộp: ${n(c.submitted)}${pct(c.submitted, c.must)}`,
      `Đã xác nhận: ${n(c.confirmed)}${pct(c.confirmed, c.must)}`,
      `Nộp muộn: ${n(c.late)}`,
      `Quá hạn chưa nộp: ${n(c.overdue)}`,
      `Lãnh đạo đã đăng ký nêu gương: ${n(c.leadersRegistered)}/${n(c.leaders)}`,
    ];
    const shown = await figures.getByRole('group').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(shown).toEqual(expected);
    // The screen shows what the server counted, and the server counted what the members' list holds.
    const after = await getJson<RoundCoverage>(api, `/api/rounds/${round!.id}?unit=${commune.unitId}`);
    const total: CoverageRow = after.total;
    expect({ must: total.must, submitted: total.submitted, confirmed: total.confirmed, late: total.late, overdue: total.overdue, leaders: total.leaders, leadersRegistered: total.leadersRegistered }).toEqual(c);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot('phone-round-coverage');

    // Drilling down to the school's cell: the same figures one level down, the commune as a breadcrumb.
    const table = page.getByRole('table', { name: 'Kết quả theo đơn vị trực thuộc' });
    const school = table.getByRole('button', { name: /Tiểu học/ }).first();
    const schoolName = (await school.textContent())!;
    await school.click();
    await page.getByRole('region', { name: `Kết quả tại ${schoolName}` }).waitFor();
    await page.getByRole('navigation', { name: 'Đơn vị cấp trên' }).getByRole('button', { name: commune.unitName }).waitFor();
  });
});

describe('a pledge round (desktop)', () => {
  const browser = useBrowser();

  it('the commune launches a pledge from its plan’s task; the secretary records a paper pledge and signs their own; the figures count both', async () => {
    const { page } = browser.session();
    const title = `Ký cam kết thực hiện Kế hoạch 70-KH/TU ${Date.now().toString(36).slice(-5)}`;
    await signIn(page, 'bithu.kyhoa', DEMO_PASSWORD);
    await page.goto('/personal-plans');
    await page.getByRole('button', { name: 'Phát động đợt' }).click();
    const dialog = page.getByRole('dialog', { name: 'Phát động đợt lập kế hoạch cá nhân, ký cam kết' });
    await dialog.getByText('Ký cam kết', { exact: true }).click();
    // Nothing chosen: each missing choice is said at its field.
    await dialog.getByRole('button', { name: 'Phát động', exact: true }).click();
    await dialog.getByText('Hãy chọn kế hoạch').waitFor();
    await dialog.getByText('Hãy nhập nội dung cam kết').waitFor();
    await dialog.getByRole('combobox', { name: 'Kế hoạch đã ban hành' }).click();
    await page.getByRole('option', { name: /^12-KH\/ĐU — / }).click();
    await dialog.getByRole('combobox', { name: 'Nhiệm vụ' }).click();
    await page.getByRole('option', { name: /^Cán bộ, đảng viên xây dựng kế hoạch cá nhân/ }).click();
    await dialog.getByRole('textbox', { name: 'Tên đợt' }).fill(title);
    await dialog.getByRole('textbox', { name: 'Nội dung cam kết' }).fill('Tôi xin cam kết thực hiện nghiêm Kế hoạch 70-KH/TU, không vi phạm những điều đảng viên không được làm.');
    await dialog.getByRole('button', { name: 'Hạn ký cam kết' }).click();
    await page.locator('button[data-today]').click();
    await dialog.getByRole('button', { name: 'Phát động', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const figures = page.getByRole('group', { name: /^Kết quả của .* và các đơn vị trực thuộc$/ });
    const must = Number(/^Phải ký: ([\d.]+)$/.exec((await figures.getByRole('group', { name: /^Phải ký: / }).getAttribute('aria-label'))!)![1]!.replace(/\./g, ''));
    expect(must).toBeGreaterThan(1);
    await figures.getByRole('group', { name: 'Đã ký: 0 (0%)' }).waitFor();

    // Those still to sign are urged in one action.
    await page.getByRole('region', { name: 'Đôn đốc' }).getByText(`Còn ${n(must)} thành viên`, { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Đôn đốc', exact: true }).click();
    await page.getByRole('dialog', { name: 'Đôn đốc' }).getByRole('button', { name: 'Gửi đôn đốc' }).click();
    await page.getByText(new RegExp(`^Đã đôn đốc ${n(must).replace(/\./g, '\\.')} thành viên ở \\d+ đơn vị; \\d+ thông báo đã gửi\\.$`)).waitFor();

    // A paper pledge, recorded by the secretary with the day it was signed.
    const list = page.getByRole('region', { name: /^Thành viên của / });
    const record = list.getByRole('button', { name: /^Ghi nhận .+ đã ký$/ }).first();
    const name = /^Ghi nhận (.+) đã ký$/.exec((await record.getAttribute('aria-label'))!)![1]!;
    await record.click();
    await page.getByRole('dialog', { name: `Ghi nhận đã ký: ${name}` }).getByRole('button', { name: 'Ghi nhận', exact: true }).click();
    await list.getByRole('row', { name: new RegExp(name) }).getByText(/^Đã ký ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
    await figures.getByRole('group', { name: `Đã ký: 1 (${Math.floor(100 / must)}%)` }).waitFor();

    // The secretary signs their own pledge from "Của tôi".
    await page.goto('/personal-plans');
    const card = page.getByRole('region', { name: 'Của tôi' }).getByRole('listitem', { name: title });
    await card.getByRole('button', { name: 'Ký cam kết' }).click();
    await page.getByRole('dialog', { name: 'Ký cam kết' }).getByRole('button', { name: 'Tôi cam kết' }).click();
    await card.getByText(/^Đã ký ngày \d{2}\/\d{2}\/\d{4}$/).waitFor();
    const round = page.getByRole('region', { name: /^Các đợt của / }).getByRole('row', { name: new RegExp(title) });
    await round.getByText(`2/${must} (${Math.floor(200 / must)}%)`).waitFor();
  });
});
