import { LOCALES, Locale, Translated, interpolate } from '@samverkan/core';
import { formatDate } from '@samverkan/mail';
import { PageField, registerMailAction } from '@samverkan/mail-actions';
import { Gender } from '@samverkan/people';
import { SubmitNominationInput } from './nomination.inputs';
import { NOMINATION_REPLY, NominationSubject, candidateRows, loadNominationSubject } from './nomination-subject';
import { NominationsService } from './nominations.service';

const each = (make: (locale: Locale) => string): Translated => Object.fromEntries(LOCALES.map((l) => [l, make(l)])) as Translated;

/** What a nomination from the mail carried, for the mail log (counts only). */
const NOMINATION_COUNT = {
  one: { sv: '{count} kandidat', da: '{count} kandidat', en: '{count} candidate' },
  other: { sv: '{count} kandidater', da: '{count} kandidater', en: '{count} candidates' },
  reasonGiven: { sv: 'skäl till avsteg från könsregeln angivet', da: 'begrundelse for fravigelse af kønsreglen givet', en: 'a reason for departing from the gender rule given' },
} satisfies Record<string, Translated>;

const TEXTS = {
  title: { sv: 'Nominering till {group}', da: 'Indstilling til {group}', en: 'Nomination for {group}' },
  asked: {
    sv: '{organisation} ombeds föreslå {count} person(er) till {group} ({commission}). Svara senast {date}.',
    da: '{organisation} bedes indstille {count} person(er) til {group} ({commission}). Svar senest {date}.',
    en: '{organisation} is asked to propose {count} person(s) for {group} ({commission}). Please answer by {date}.',
  },
  genderRule: {
    sv: 'Föreslå lika många kvinnor som män ({count} av varje), eller ange skälet till att det inte går.',
    da: 'Indstil lige mange kvinder og mænd ({count} af hver, ligestillingsloven §§ 8–9), eller angiv begrundelsen for, at det ikke er muligt.',
    en: 'Propose as many women as men ({count} of each), or state why that is not possible.',
  },
  perspective: { sv: 'Platsen ska företräda: {perspective}.', da: 'Pladsen skal repræsentere: {perspective}.', en: 'The seat is to represent: {perspective}.' },
  message: { sv: 'Meddelande från sekretariatet: {message}', da: 'Besked fra sekretariatet: {message}', en: 'Message from the secretariat: {message}' },
  candidate: { sv: 'Kandidat {n}', da: 'Kandidat {n}', en: 'Candidate {n}' },
  name: { sv: 'För- och efternamn', da: 'For- og efternavn', en: 'Full name' },
  email: { sv: 'E-postadress', da: 'E-mailadresse', en: 'Email address' },
  emailHint: { sv: 'Så att sekretariatet kan nå personen.', da: 'Så sekretariatet kan kontakte personen.', en: 'So the secretariat can reach the person.' },
  gender: { sv: 'Kön', da: 'Køn', en: 'Gender' },
  genderHint: {
    sv: 'Används bara för att redovisa könsfördelningen.',
    da: 'Bruges kun til at opgøre kønsfordelingen.',
    en: 'Used only to report the gender balance.',
  },
  woman: { sv: 'Kvinna', da: 'Kvinde', en: 'Woman' },
  man: { sv: 'Man', da: 'Mand', en: 'Man' },
  other: { sv: 'Annat', da: 'Andet', en: 'Other' },
  perspectiveField: { sv: 'Perspektiv', da: 'Perspektiv', en: 'Perspective' },
  reason: {
    sv: 'Skäl, om ni inte föreslår lika många kvinnor som män ({count} av varje)',
    da: 'Begrundelse, hvis I ikke indstiller lige mange kvinder og mænd ({count} af hver)',
    en: 'Reason, if you do not propose as many women as men ({count} of each)',
  },
  submit: { sv: 'Skicka nomineringen', da: 'Send indstillingen', en: 'Send the nomination' },
  done: {
    sv: 'Sekretariatet har fått er nominering. Ni behöver inte göra något mer nu.',
    da: 'Sekretariatet har modtaget jeres indstilling. I skal ikke gøre mere nu.',
    en: 'The secretariat has received your nomination. There is nothing more you need to do now.',
  },
  label: { sv: 'Nominering', da: 'Indstilling', en: 'Nomination' },
} satisfies Record<string, Translated>;

/** The nomination reply: the organisation's contact proposes names from the mail, as `submitNomination` does. */
export const nominationReply = registerMailAction<NominationSubject, SubmitNominationInput, NominationsService>({
  name: NOMINATION_REPLY,
  subjectType: 'nomination_request',
  singleUse: true,
  async load(manager, requestId, personId) {
    const subject = await loadNominationSubject(manager, requestId);
    if (!subject) return undefined;
    return {
      subject,
      // A new deadline, seat count or rule makes the mail stale; a new contact revokes the old one's link.
      version: [subject.seatsRequested, subject.deadline, subject.requiresGenderPair, subject.contactPersonId].join('|'),
      commissionId: subject.commissionId,
      entitled: subject.contactPersonId === personId,
      open: subject.status === 'sent',
    };
  },
  title: (s, locale) => interpolate(TEXTS.title[locale], { group: s.groupName }),
  intro(s, locale) {
    const params = { organisation: s.organisationName, group: s.groupName, commission: s.commissionTitle, count: s.seatsRequested, date: formatDate(s.deadline, locale) };
    return [
      interpolate(TEXTS.asked[locale], params),
      ...(s.requiresGenderPair ? [interpolate(TEXTS.genderRule[locale], params)] : []),
      ...(s.requiredPerspective ? [interpolate(TEXTS.perspective[locale], { perspective: s.requiredPerspective })] : []),
      ...(s.message ? [interpolate(TEXTS.message[locale], { message: s.message })] : []),
    ];
  },
  fields(s) {
    const rows: PageField[] = Array.from({ length: candidateRows(s) }, (_, i) => ({
      kind: 'group',
      legend: each((l) => interpolate(TEXTS.candidate[l], { n: i + 1 })),
      fields: [
        { kind: 'text', name: `c${i + 1}_name`, label: TEXTS.name, required: i === 0, maxLength: 200 },
        { kind: 'email', name: `c${i + 1}_email`, label: TEXTS.email, hint: TEXTS.emailHint, maxLength: 320 },
        ...(s.requiresGenderPair
          ? [
              {
                kind: 'radio' as const,
                name: `c${i + 1}_gender`,
                label: TEXTS.gender,
                hint: TEXTS.genderHint,
                options: [Gender.WOMAN, Gender.MAN, Gender.OTHER].map((value) => ({ value, label: TEXTS[value] })),
              },
            ]
          : []),
        ...(s.requiredPerspective ? [{ kind: 'text' as const, name: `c${i + 1}_perspective`, label: TEXTS.perspectiveField, hint: each(() => s.requiredPerspective!), maxLength: 300 }] : []),
      ],
    }));
    const reason: PageField[] = s.requiresGenderPair
      ? [{ kind: 'textarea', name: 'reason', label: each((l) => interpolate(TEXTS.reason[l], { count: s.seatsRequested })), maxLength: 5000 }]
      : [];
    return [...rows, ...reason];
  },
  submit: TEXTS.submit,
  done: TEXTS.done,
  label: TEXTS.label,
  inputType: SubmitNominationInput,
  parse(form, s, requestId) {
    const rows: number[] = [];
    const candidates = [];
    for (let n = 1; n <= candidateRows(s); n++) {
      const value = (field: string) => form[`c${n}_${field}`]?.trim() || undefined;
      const candidate = { fullName: value('name'), email: value('email'), gender: value('gender') as Gender | undefined, perspective: value('perspective') };
      if (!Object.values(candidate).some(Boolean)) continue;
      rows.push(n);
      candidates.push(candidate);
    }
    const fields: Record<string, string> = { fullName: 'name', email: 'email', gender: 'gender', perspective: 'perspective' };
    return {
      input: { requestId, candidates, genderRuleReason: form.reason?.trim() || undefined },
      fieldOf(path) {
        if (path === 'candidates') return 'c1_name';
        if (path === 'genderRuleReason') return 'reason';
        const match = /^candidates\.(\d+)\.(\w+)$/.exec(path);
        return match && rows[Number(match[1])] ? `c${rows[Number(match[1])]}_${fields[match[2]] ?? 'name'}` : undefined;
      },
    };
  },
  service: () => NominationsService,
  perform: (nominations, ctx, input) => nominations.submit(ctx, input),
  // Counts only: the names are in the nomination itself, where erasure can reach them.
  summarize: (input) => ({ candidates: input.candidates.length, reasonGiven: !!input.genderRuleReason }),
  describe(summary, locale) {
    const count = Number(summary.candidates ?? 0);
    const candidates = interpolate(NOMINATION_COUNT[count === 1 ? 'one' : 'other'][locale], { count });
    return summary.reasonGiven ? `${candidates}, ${NOMINATION_COUNT.reasonGiven[locale]}` : candidates;
  },
});
