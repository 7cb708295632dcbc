import type { PersonDetail } from '#shared/members.ts';

/** The person fields as a form holds them (text and nullable dates) and as the API wants them. */
export interface PersonFormValues {
  fullName: string;
  gender: string | null;
  birthDate: string | null;
  phone: string;
  email: string;
  partyCardNo: string;
  joinedPartyOn: string | null;
  jobTitle: string;
}

/** The fields typed as free text: empty in the form, null in the API. */
const TEXT_FIELDS = ['phone', 'email', 'partyCardNo', 'jobTitle'] as const;
type TextField = (typeof TEXT_FIELDS)[number];

export const EMPTY_PERSON: PersonFormValues = {
  fullName: '',
  gender: null,
  birthDate: null,
  joinedPartyOn: null,
  phone: '',
  email: '',
  partyCardNo: '',
  jobTitle: '',
};

/** A stored person → form values: missing text becomes empty. */
export function personFormValues(p: PersonDetail): PersonFormValues {
  const text = Object.fromEntries(TEXT_FIELDS.map((k) => [k, p[k] ?? ''])) as Record<TextField, string>;
  return { fullName: p.fullName, gender: p.gender, birthDate: p.birthDate, joinedPartyOn: p.joinedPartyOn, ...text };
}

/** Form values → API fields: empty text becomes null. */
export function personPayload(v: PersonFormValues) {
  const text = Object.fromEntries(TEXT_FIELDS.map((k) => [k, v[k].trim() === '' ? null : v[k].trim()])) as Record<TextField, string | null>;
  return { fullName: v.fullName, gender: v.gender, birthDate: v.birthDate, joinedPartyOn: v.joinedPartyOn, ...text };
}
