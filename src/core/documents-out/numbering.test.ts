import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseDocNumber } from '../docref/number.ts';
import type { IsoDate } from '../ids.ts';
import { isDomainError } from '../errors.ts';
import { BLANK_SEQ, formatSeq, numberLine, numberSymbol, proposeNextNumber, type IssuedNumber } from './numbering.ts';

const d = (s: string) => s as IsoDate;
const issued = (kind: string, seq: number, date: string): IssuedNumber => ({ kind, seq, date: d(date) });

describe('numberSymbol', () => {
  it.each([
    [{ seq: 60, kind: 'BC', issuerAbbrev: 'ĐUK', profile: 'party' }, '60-BC/ĐUK', 'Số 60-BC/ĐUK'],
    [{ seq: 5, kind: 'KH', issuerAbbrev: 'ĐUK', profile: 'party' }, '05-KH/ĐUK', 'Số 05-KH/ĐUK'],
    [{ seq: 12, kind: 'CV', issuerAbbrev: 'ĐUK', profile: 'party' }, '12-CV/ĐUK', 'Số 12-CV/ĐUK'],
    [{ seq: 2, kind: 'QĐi', issuerAbbrev: 'ThU', profile: 'party' }, '02-QĐi/ThU', 'Số 02-QĐi/ThU'],
    [{ seq: 594, kind: 'KH', issuerAbbrev: 'UBND', profile: 'state' }, '594/KH-UBND', 'Số: 594/KH-UBND'],
    [{ seq: 1234, kind: 'CV', issuerAbbrev: 'UBND-VX', profile: 'state' }, '1234/UBND-VX', 'Số: 1234/UBND-VX'],
    [{ seq: 3, kind: 'BC', issuerAbbrev: 'UBND', profile: 'state' }, '03/BC-UBND', 'Số: 03/BC-UBND'],
    [{ seq: 133, kind: 'KH', issuerAbbrev: 'TĐTN-BCNLĐ', profile: 'youth' }, '133-KH/TĐTN-BCNLĐ', 'Số: 133-KH/TĐTN-BCNLĐ'],
    [{ seq: 5, kind: 'KH', issuerAbbrev: 'ĐTN', profile: 'youth' }, '05-KH/ĐTN', 'Số: 05-KH/ĐTN'],
  ] as const)('%o → %s', (input, symbol, line) => {
    expect(numberSymbol(input)).toBe(symbol);
    expect(numberLine(input.profile, numberSymbol(input))).toBe(line);
  });

  it('reads back with the document-number reader of the import side', () => {
    expect(parseDocNumber(`Số ${numberSymbol({ seq: 60, kind: 'BC', issuerAbbrev: 'ĐUK', profile: 'party' })}`)).toMatchObject({ kind: 'BC', number: '60-BC/ĐUK' });
    expect(parseDocNumber(`Số: ${numberSymbol({ seq: 594, kind: 'KH', issuerAbbrev: 'UBND', profile: 'state' })}`)).toMatchObject({ kind: 'KH', number: '594/KH-UBND' });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99999 }), fc.constantFrom('BC', 'KH', 'HD', 'TB', 'NQ', 'KL', 'CTr') , (seq, kind) => {
        const party = numberSymbol({ seq, kind, issuerAbbrev: 'ĐUK', profile: 'party' });
        const state = numberSymbol({ seq, kind, issuerAbbrev: 'UBND', profile: 'state' });
        expect(parseDocNumber(`Số ${party}`)?.number).toBe(party);
        expect(parseDocNumber(`Số: ${state}`)?.number).toBe(state);
      }),
    );
  });

  it('prints a blank for a document not yet numbered', () => {
    expect(numberSymbol({ seq: null, kind: 'KH', issuerAbbrev: 'ĐUK', profile: 'party' })).toBe(`${BLANK_SEQ}-KH/ĐUK`);
    expect(numberSymbol({ seq: null, kind: 'KH', issuerAbbrev: 'UBND', profile: 'state' })).toBe(`${BLANK_SEQ}/KH-UBND`);
  });

  it('refuses a sequence that is not a positive integer, and an empty abbreviation', () => {
    expect(() => formatSeq(0)).toThrow(RangeError);
    expect(() => formatSeq(1.5)).toThrow(RangeError);
    expect(() => formatSeq(-3)).toThrow(RangeError);
    expect(() => numberSymbol({ seq: 1, kind: 'KH', issuerAbbrev: ' ', profile: 'party' })).toThrow(RangeError);
  });

  it('pads only numbers below 10', () => {
    expect([1, 9, 10, 99, 100].map(formatSeq)).toEqual(['01', '09', '10', '99', '100']);
  });
});

describe('proposeNextNumber — Party: each kind from 01 within the committee term', () => {
  // Term 2020-2025 of the bloc committee began when its congress closed on 2020-07-15.
  const term = { termStart: d('2020-07-15'), termEnd: d('2025-06-30') };
  const used = [
    issued('KH', 1, '2020-08-01'),
    issued('KH', 2, '2020-09-10'),
    issued('BC', 1, '2020-09-30'),
    issued('KH', 59, '2022-04-01'),
    issued('BC', 47, '2022-03-31'),
    issued('KH', 80, '2020-06-30'), // previous term
    issued('TB', 12, '2022-01-10'),
  ];

  it('continues the kind across calendar years within the term', () => {
    expect(proposeNextNumber(used, { kind: 'KH', date: d('2022-04-18'), profile: 'party', ...term })).toBe(60);
    expect(proposeNextNumber(used, { kind: 'BC', date: d('2022-04-18'), profile: 'party', ...term })).toBe(48);
    expect(proposeNextNumber(used, { kind: 'KH', date: d('2023-01-02'), profile: 'party', ...term })).toBe(60);
  });

  it('starts a kind not used yet in the term at 01', () => {
    expect(proposeNextNumber(used, { kind: 'HD', date: d('2022-04-18'), profile: 'party', ...term })).toBe(1);
    expect(proposeNextNumber([], { kind: 'KH', date: d('2022-04-18'), profile: 'party', ...term })).toBe(1);
  });

  it('ignores the numbers of the previous term', () => {
    expect(proposeNextNumber([issued('KH', 80, '2020-06-30')], { kind: 'KH', date: d('2020-07-20'), profile: 'party', ...term })).toBe(1);
  });

  it('restarts at 01 in the next term, even in the same calendar year', () => {
    const next = { termStart: d('2025-07-01'), termEnd: null };
    const all = [...used, issued('KH', 95, '2025-06-20')];
    expect(proposeNextNumber(all, { kind: 'KH', date: d('2025-06-25'), profile: 'party', ...term })).toBe(96);
    expect(proposeNextNumber(all, { kind: 'KH', date: d('2025-07-01'), profile: 'party', ...next })).toBe(1);
    expect(proposeNextNumber([...all, issued('KH', 1, '2025-07-03')], { kind: 'KH', date: d('2025-08-01'), profile: 'party', ...next })).toBe(2);
  });

  it('counts the term start day and end day in the term', () => {
    const edge = [issued('KH', 7, '2020-07-15'), issued('KH', 8, '2025-06-30')];
    expect(proposeNextNumber(edge, { kind: 'KH', date: d('2025-06-30'), profile: 'party', ...term })).toBe(9);
  });

  it('takes the highest number, not the count, so gaps and out-of-order entries do not reuse a number', () => {
    const gappy = [issued('KH', 5, '2021-01-01'), issued('KH', 2, '2021-02-01'), issued('KH', 9, '2021-01-15')];
    expect(proposeNextNumber(gappy, { kind: 'KH', date: d('2021-03-01'), profile: 'party', ...term })).toBe(10);
  });

  it('needs the term, and a date inside it', () => {
    const noTerm = () => proposeNextNumber(used, { kind: 'KH', date: d('2022-04-18'), profile: 'party' });
    expect(noTerm).toThrow(expect.objectContaining({ code: 'DOCUMENT_TERM_REQUIRED' }));
    try {
      proposeNextNumber(used, { kind: 'KH', date: d('2026-01-01'), profile: 'party', ...term });
      expect.unreachable();
    } catch (e) {
      expect(isDomainError(e) && e.code).toBe('DOCUMENT_OUTSIDE_TERM');
    }
    expect(() => proposeNextNumber(used, { kind: 'KH', date: d('2020-07-14'), profile: 'party', ...term })).toThrow(
      expect.objectContaining({ code: 'DOCUMENT_OUTSIDE_TERM' }),
    );
  });

  it('numbers the Youth Union like the Party: per kind within the term', () => {
    const youth = [issued('KH', 132, '2022-03-01'), issued('BC', 40, '2022-03-02'), issued('KH', 200, '2017-12-01')];
    const q = { profile: 'youth' as const, termStart: d('2017-12-20'), termEnd: d('2022-10-15') };
    expect(proposeNextNumber(youth, { kind: 'KH', date: d('2022-04-27'), ...q })).toBe(133);
    expect(proposeNextNumber(youth, { kind: 'TB', date: d('2022-04-27'), ...q })).toBe(1);
    expect(() => proposeNextNumber(youth, { kind: 'KH', date: d('2022-04-27'), profile: 'youth' })).toThrow(
      expect.objectContaining({ code: 'DOCUMENT_TERM_REQUIRED' }),
    );
  });
});

describe('proposeNextNumber — state: from 01 each calendar year', () => {
  const used = [issued('KH', 590, '2022-04-01'), issued('CV', 593, '2022-04-12'), issued('BC', 592, '2022-04-10'), issued('KH', 1200, '2021-12-31')];

  it('runs one sequence across kinds within the year', () => {
    expect(proposeNextNumber(used, { kind: 'KH', date: d('2022-04-18'), profile: 'state' })).toBe(594);
    expect(proposeNextNumber(used, { kind: 'TB', date: d('2022-04-18'), profile: 'state' })).toBe(594);
  });

  it('restarts on 1 January and ignores a term', () => {
    expect(proposeNextNumber(used, { kind: 'KH', date: d('2023-01-01'), profile: 'state' })).toBe(1);
    expect(proposeNextNumber(used, { kind: 'KH', date: d('2021-12-31'), profile: 'state', termStart: d('2021-06-01') })).toBe(1201);
  });

  it('numbers each kind apart when the office does so', () => {
    expect(proposeNextNumber(used, { kind: 'KH', date: d('2022-05-01'), profile: 'state', stateSequence: 'per-kind' })).toBe(591);
    expect(proposeNextNumber(used, { kind: 'TB', date: d('2022-05-01'), profile: 'state', stateSequence: 'per-kind' })).toBe(1);
  });

  it('always proposes a number above every number used in scope', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ kind: fc.constantFrom('KH', 'BC', 'CV'), seq: fc.integer({ min: 1, max: 5000 }), year: fc.integer({ min: 2020, max: 2024 }) })),
        fc.integer({ min: 2020, max: 2024 }),
        (rows, year) => {
          const list = rows.map((r) => issued(r.kind, r.seq, `${r.year}-06-15`));
          const next = proposeNextNumber(list, { kind: 'KH', date: d(`${year}-07-01`), profile: 'state' });
          const same = list.filter((n) => n.date.startsWith(String(year)));
          expect(next).toBe(same.length === 0 ? 1 : Math.max(...same.map((n) => n.seq)) + 1);
        },
      ),
    );
  });
});
