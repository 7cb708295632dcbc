import { describe, expect, it } from 'vitest';
import type { PersonDetail } from '#shared/members.ts';
import { EMPTY_PERSON, personFormValues, personPayload } from './person-form.ts';

const person: PersonDetail = {
  id: 'p', fullName: 'Nguyễn Văn An', unitId: 'u', unitName: 'Chi bộ', gender: 'nam', birthDate: '1980-05-02', phone: null, email: 'an@example.vn',
  partyCardNo: null, joinedPartyOn: '2005-03-26', jobTitle: 'Chuyên viên', memberships: [],
};

describe("a person's fields in a form", () => {
  it('shows missing text as empty and keeps the dates', () => {
    expect(personFormValues(person)).toEqual({ ...EMPTY_PERSON, fullName: 'Nguyễn Văn An', gender: 'nam', birthDate: '1980-05-02', email: 'an@example.vn', joinedPartyOn: '2005-03-26', jobTitle: 'Chuyên viên' });
  });

  it('sends empty or blank text as null and trims the rest', () => {
    expect(personPayload({ ...personFormValues(person), phone: '  ', email: ' an@example.vn ' })).toEqual({
      fullName: 'Nguyễn Văn An', gender: 'nam', birthDate: '1980-05-02', joinedPartyOn: '2005-03-26', phone: null, email: 'an@example.vn', partyCardNo: null, jobTitle: 'Chuyên viên',
    });
  });
});
