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

export const EMPTY_PERSON: PersonFormValues = {
  fullName: '',
  gender: null,
  birthDate: null,
  phone: '',
  email: '',
  partyCardNo: '',
  joinedPartyOn: null,
  jobTitle: '',
};

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Form values → API fields: empty text becomes null. */
export function personPayload(v: PersonFormValues) {
  return {
    fullName: v.fullName,
    gender: v.gender,
    birthDate: v.birthDate,
    phone: orNull(v.phone),
    email: orNull(v.email),
    partyCardNo: orNull(v.partyCardNo),
    joinedPartyOn: v.joinedPartyOn,
    jobTitle: orNull(v.jobTitle),
  };
}
