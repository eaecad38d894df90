import { ErrorCode, Translated, registerConstraintErrors, registerMessages } from '@samverkan/core';

registerMessages({
  'mailActions.linkUsed': {
    sv: 'Länken har redan använts.',
    da: 'Linket er allerede brugt.',
    en: 'The link has already been used.',
  },
});

// A second answer from a single-use link (a replay, or the loser of a double submit).
registerConstraintErrors({ mail_link_use_once: { code: ErrorCode.CONFLICT, messageKey: 'mailActions.linkUsed' } });

/** Why a link cannot be used, each with the page a person sees. */
export type LinkProblem = 'invalid' | 'expired' | 'used' | 'revoked' | 'closed' | 'csrf';

export const PROBLEM_TEXTS: Record<LinkProblem, { title: Translated; body: Translated }> = {
  invalid: {
    title: { sv: 'Länken fungerar inte', da: 'Linket virker ikke', en: 'The link does not work' },
    body: {
      sv: 'Länken är ofullständig, har ändrats eller kommer inte från Samverkan. Ingenting har ändrats. Öppna länken direkt från e-postmeddelandet, eller kontakta sekretariatet.',
      da: 'Linket er ufuldstændigt, er blevet ændret eller kommer ikke fra Samverkan. Intet er ændret. Åbn linket direkte fra e-mailen, eller kontakt sekretariatet.',
      en: 'The link is incomplete, has been changed, or does not come from Samverkan. Nothing was changed. Open the link straight from the email, or contact the secretariat.',
    },
  },
  expired: {
    title: { sv: 'Länken har gått ut', da: 'Linket er udløbet', en: 'The link has expired' },
    body: {
      sv: 'Länken gällde till {date}. Ingenting har ändrats. Be sekretariatet om ett nytt meddelande.',
      da: 'Linket var gyldigt til {date}. Intet er ændret. Bed sekretariatet om en ny besked.',
      en: 'The link was valid until {date}. Nothing was changed. Ask the secretariat for a new message.',
    },
  },
  used: {
    title: { sv: 'Du har redan svarat', da: 'Du har allerede svaret', en: 'You have already answered' },
    body: {
      sv: 'Länken användes {date} och kan bara användas en gång. Ingenting mer har ändrats. Kontakta sekretariatet om du vill ändra ditt svar.',
      da: 'Linket blev brugt {date} og kan kun bruges én gang. Intet yderligere er ændret. Kontakt sekretariatet, hvis du vil ændre dit svar.',
      en: 'The link was used on {date} and works only once. Nothing more was changed. Contact the secretariat if you want to change your answer.',
    },
  },
  revoked: {
    title: { sv: 'Länken gäller inte längre', da: 'Linket gælder ikke længere', en: 'The link is no longer valid' },
    body: {
      sv: 'Ärendet har ändrats sedan meddelandet skickades, eller så är du inte längre mottagare. Ingenting har ändrats. Använd länken i det senaste meddelandet, eller kontakta sekretariatet.',
      da: 'Sagen er ændret, siden beskeden blev sendt, eller du er ikke længere modtager. Intet er ændret. Brug linket i den seneste besked, eller kontakt sekretariatet.',
      en: 'The matter has changed since the message was sent, or you are no longer its recipient. Nothing was changed. Use the link in the latest message, or contact the secretariat.',
    },
  },
  closed: {
    title: { sv: 'Det går inte längre att svara', da: 'Det er ikke længere muligt at svare', en: 'Answers are closed' },
    body: {
      sv: 'Ärendet tar inte längre emot svar (det är redan besvarat eller återkallat). Ingenting har ändrats.',
      da: 'Sagen modtager ikke længere svar (den er allerede besvaret eller trukket tilbage). Intet er ændret.',
      en: 'This no longer takes answers (it has already been answered or was withdrawn). Nothing was changed.',
    },
  },
  csrf: {
    title: { sv: 'Formuläret kunde inte skickas', da: 'Formularen kunne ikke sendes', en: 'The form could not be sent' },
    body: {
      sv: 'Formuläret var för gammalt eller kom inte från den här sidan. Ingenting har ändrats. Öppna länken i e-postmeddelandet igen och försök på nytt.',
      da: 'Formularen var for gammel eller kom ikke fra denne side. Intet er ændret. Åbn linket i e-mailen igen, og prøv på ny.',
      en: 'The form was too old or did not come from this page. Nothing was changed. Open the link in the email again and try once more.',
    },
  },
};

export const PAGE_TEXTS = {
  brand: { sv: 'Samverkan', da: 'Samverkan', en: 'Samverkan' },
  language: { sv: 'Språk', da: 'Sprog', en: 'Language' },
  errorSummary: { sv: 'Något behöver rättas', da: 'Noget skal rettes', en: 'Something needs fixing' },
  fieldInvalid: { sv: 'Kontrollera fältet {label}.', da: 'Kontrollér feltet {label}.', en: 'Check the field {label}.' },
  fieldRequired: { sv: 'Fyll i {label}.', da: 'Udfyld {label}.', en: 'Fill in {label}.' },
  required: { sv: 'obligatoriskt', da: 'skal udfyldes', en: 'required' },
  doneTitle: { sv: 'Tack, ditt svar är registrerat', da: 'Tak, dit svar er registreret', en: 'Thank you, your answer is recorded' },
  who: { sv: 'Du svarar som {name}.', da: 'Du svarer som {name}.', en: 'You are answering as {name}.' },
  noLogin: {
    sv: 'Du behöver inte logga in: länken i ditt e-postmeddelande visar vem du är, för just det här svaret. Dela den inte.',
    da: 'Du skal ikke logge ind: linket i din e-mail viser, hvem du er, for netop dette svar. Del det ikke.',
    en: 'No sign-in needed: the link in your email shows who you are, for this answer only. Do not share it.',
  },
  validUntil: { sv: 'Länken gäller till {date}.', da: 'Linket gælder til {date}.', en: 'The link is valid until {date}.' },
  notFound: { sv: 'Sidan finns inte', da: 'Siden findes ikke', en: 'Page not found' },
} satisfies Record<string, Translated>;
