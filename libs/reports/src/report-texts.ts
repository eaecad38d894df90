import { Locale, Translated } from '@samverkan/core';
import type { Rag } from './rag';

/** Every word a report page, mail or CSV shows, in sv, da and en. */
export const T = {
  statusReport: { sv: 'Statusrapport', da: 'Statusrapport', en: 'Status report' },
  reports: { sv: 'Statusrapporter', da: 'Statusrapporter', en: 'Status reports' },
  reportsFor: { sv: 'Statusrapporter för {title}', da: 'Statusrapporter for {title}', en: 'Status reports for {title}' },
  period: { sv: 'Period', da: 'Periode', en: 'Period' },
  asOf: { sv: 'Uppgifter per', da: 'Oplysninger pr.', en: 'Figures as of' },
  compiledAt: { sv: 'Sammanställd', da: 'Udarbejdet', en: 'Compiled' },
  kind: { sv: 'Typ', da: 'Type', en: 'Kind' },
  scheduled: { sv: 'Schemalagd', da: 'Planlagt', en: 'Scheduled' },
  on_demand: { sv: 'På begäran', da: 'På forespørgsel', en: 'On demand' },
  onDemandNote: {
    sv: 'Rapporten togs fram på begäran av sekretariatet, utanför det ordinarie schemat.',
    da: 'Rapporten er udarbejdet på sekretariatets forespørgsel, uden for den faste plan.',
    en: 'This report was compiled on request by the secretariat, outside the regular schedule.',
  },
  overall: { sv: 'Samlad bedömning', da: 'Samlet vurdering', en: 'Overall status' },
  summary: { sv: 'Sammanfattning', da: 'Sammenfatning', en: 'Summary' },
  emptyPeriod: {
    sv: 'Inget registrerades under perioden. Rapporten visar läget per periodens slut.',
    da: 'Intet blev registreret i perioden. Rapporten viser status ved periodens slutning.',
    en: 'Nothing was recorded in this period. The report shows the position at the end of the period.',
  },
  mandate: { sv: 'Uppdrag och tidsfrist', da: 'Opgave og frist', en: 'Mandate and deadline' },
  commissioningBody: { sv: 'Uppdragsgivare', da: 'Opdragsgiver', en: 'Commissioning body' },
  leadOrganisation: { sv: 'Ansvarig organisation', da: 'Ansvarlig organisation', en: 'Lead organisation' },
  partners: { sv: 'Samverkansparter', da: 'Samarbejdsparter', en: 'Partners' },
  referenceNumber: { sv: 'Diarienummer', da: 'Journalnummer', en: 'Reference number' },
  startsOn: { sv: 'Startdatum', da: 'Startdato', en: 'Start date' },
  reportingDeadline: { sv: 'Tidsfrist för slutrapport', da: 'Frist for slutrapport', en: 'Reporting deadline' },
  objectives: { sv: 'Deluppdrag', da: 'Delopgaver', en: 'Objectives' },
  withdrawn: { sv: 'återkallat', da: 'tilbagekaldt', en: 'withdrawn' },
  deadlineHistory: { sv: 'Ändringar av uppdraget', da: 'Ændringer af opgaven', en: 'Changes to the mandate' },
  decidedOn: { sv: 'Beslutat', da: 'Besluttet', en: 'Decided' },
  reason: { sv: 'Skäl', da: 'Begrundelse', en: 'Reason' },
  previousDeadline: { sv: 'Tidigare frist', da: 'Tidligere frist', en: 'Previous deadline' },
  newDeadline: { sv: 'Ny frist', da: 'Ny frist', en: 'New deadline' },
  noChanges: { sv: 'Inga ändringar av uppdraget.', da: 'Ingen ændringer af opgaven.', en: 'No changes to the mandate.' },
  inPeriod: { sv: 'under perioden', da: 'i perioden', en: 'in this period' },
  composition: { sv: 'Arbetsgrupper och sammansättning', da: 'Arbejdsgrupper og sammensætning', en: 'Working groups and composition' },
  group: { sv: 'Arbetsgrupp', da: 'Arbejdsgruppe', en: 'Working group' },
  status: { sv: 'Status', da: 'Status', en: 'Status' },
  chair: { sv: 'Ordförande', da: 'Formand', en: 'Chair' },
  seats: { sv: 'Platser', da: 'Pladser', en: 'Seats' },
  filled: { sv: 'Tillsatta', da: 'Besatte', en: 'Filled' },
  holdover: { sv: 'Kvarsittande', da: 'Fungerende', en: 'Holding over' },
  vacant: { sv: 'Vakanta', da: 'Ledige', en: 'Vacant' },
  women: { sv: 'Kvinnor', da: 'Kvinder', en: 'Women' },
  men: { sv: 'Män', da: 'Mænd', en: 'Men' },
  otherGender: { sv: 'Annat', da: 'Andet', en: 'Other' },
  notStated: { sv: 'Ej angivet', da: 'Ikke oplyst', en: 'Not stated' },
  shareWomen: { sv: 'Andel kvinnor', da: 'Andel kvinder', en: 'Share of women' },
  organisation: { sv: 'Organisation', da: 'Organisation', en: 'Organisation' },
  noGroups: { sv: 'Uppdraget har inga arbetsgrupper än.', da: 'Opgaven har ingen arbejdsgrupper endnu.', en: 'The commission has no working groups yet.' },
  goals: { sv: 'Mål', da: 'Mål', en: 'Goals' },
  goal: { sv: 'Mål', da: 'Mål', en: 'Goal' },
  pursuedBy: { sv: 'Arbetsgrupper', da: 'Arbejdsgrupper', en: 'Working groups' },
  rollup: { sv: 'Bedömning per nivå', da: 'Vurdering pr. niveau', en: 'Status by level' },
  ragRule: { sv: 'Så bedöms status', da: 'Sådan vurderes status', en: 'How status is judged' },
  ragRuleText: {
    sv: 'Försenad om något underliggande är försenat, annars i riskzonen om något är i riskzonen, annars enligt plan. En aktiv grupp med färre än hälften av platserna tillsatta är i riskzonen. En passerad tidsfrist utan slutrapport är försenad.',
    da: 'Forsinket, hvis noget underliggende er forsinket, ellers i risiko, hvis noget er i risiko, ellers efter planen. En aktiv gruppe med under halvdelen af pladserne besat er i risiko. En overskredet frist uden slutrapport er forsinket.',
    en: 'Late if anything beneath is late; otherwise at risk if anything is at risk; otherwise on track. An active group with fewer than half its seats filled is at risk. A passed deadline without a final report is late.',
  },
  changes: { sv: 'Förändringar sedan förra rapporten', da: 'Ændringer siden sidste rapport', en: 'Changes since the last report' },
  firstReport: { sv: 'Det här är uppdragets första rapport.', da: 'Dette er opgavens første rapport.', en: 'This is the commission\'s first report.' },
  new: { sv: 'Nytt', da: 'Nyt', en: 'New' },
  changed: { sv: 'Ändrat', da: 'Ændret', en: 'Changed' },
  completed: { sv: 'Slutfört', da: 'Afsluttet', en: 'Completed' },
  newlyLate: { sv: 'Nyligen försenat', da: 'Nyligt forsinket', en: 'Newly late' },
  nothingChanged: { sv: 'Inget har ändrats.', da: 'Intet er ændret.', en: 'Nothing changed.' },
  item: { sv: 'Post', da: 'Punkt', en: 'Item' },
  what: { sv: 'Vad', da: 'Hvad', en: 'What' },
  overdue: { sv: 'Försenade poster', da: 'Forsinkede punkter', en: 'Overdue items' },
  noOverdue: { sv: 'Inget är försenat.', da: 'Intet er forsinket.', en: 'Nothing is overdue.' },
  dueOn: { sv: 'Förfallodatum', da: 'Forfaldsdato', en: 'Due' },
  daysOverdue: { sv: 'Dagar sent', da: 'Dage forsinket', en: 'Days late' },
  timeline: { sv: 'Tidslinje', da: 'Tidslinje', en: 'Timeline' },
  timelineDesc: {
    sv: 'Tidslinje från uppdragets start till tidsfristen med milstolpar och leveranser. Samma uppgifter finns i tabellerna på sidan.',
    da: 'Tidslinje fra opgavens start til fristen med milepæle og leverancer. De samme oplysninger står i tabellerne på siden.',
    en: 'Timeline from the start of the commission to its deadline with milestones and deliverables. The same facts are in the tables on this page.',
  },
  today: { sv: 'Rapportdag', da: 'Rapportdag', en: 'Report day' },
  start: { sv: 'Start', da: 'Start', en: 'Start' },
  deadline: { sv: 'Frist', da: 'Frist', en: 'Deadline' },
  deadlineMoved: { sv: 'Frist flyttad', da: 'Frist flyttet', en: 'Deadline moved' },
  downloads: { sv: 'Hämta uppgifterna', da: 'Hent oplysningerne', en: 'Download the data' },
  language: { sv: 'Språk', da: 'Sprog', en: 'Language' },
  signOut: { sv: 'Logga ut', da: 'Log ud', en: 'Sign out' },
  allReports: { sv: 'Alla rapporter för uppdraget', da: 'Alle rapporter for opgaven', en: 'All reports of the commission' },
  noReports: { sv: 'Inga rapporter än.', da: 'Ingen rapporter endnu.', en: 'No reports yet.' },
  open: { sv: 'Öppna', da: 'Åbn', en: 'Open' },
  readers: { sv: 'Öppnad av uppdragsgivare', da: 'Åbnet af opdragsgiver', en: 'Opened by commissioners' },
  skipLink: { sv: 'Hoppa till innehållet', da: 'Spring til indholdet', en: 'Skip to content' },
  mailSubject: { sv: 'Statusrapport {period}: {title}', da: 'Statusrapport {period}: {title}', en: 'Status report {period}: {title}' },
  mailIntro: {
    sv: 'En ny statusrapport för {title} ({period}) finns att läsa.',
    da: 'En ny statusrapport for {title} ({period}) er klar.',
    en: 'A new status report for {title} ({period}) is ready.',
  },
  mailRagLine: {
    sv: 'Arbetsgrupper: {on_track} enligt plan, {at_risk} i riskzonen, {late} försenade.',
    da: 'Arbejdsgrupper: {on_track} efter planen, {at_risk} i risiko, {late} forsinkede.',
    en: 'Working groups: {on_track} on track, {at_risk} at risk, {late} late.',
  },
  mailDeliverablesLine: {
    sv: 'Leveranser: {on_track} enligt plan, {at_risk} i riskzonen, {late} försenade.',
    da: 'Leverancer: {on_track} efter planen, {at_risk} i risiko, {late} forsinkede.',
    en: 'Deliverables: {on_track} on track, {at_risk} at risk, {late} late.',
  },
  mailOverdue: { sv: '{count} försenade poster:', da: '{count} forsinkede punkter:', en: '{count} overdue items:' },
  readReport: { sv: 'Läs hela rapporten', da: 'Læs hele rapporten', en: 'Read the full report' },
  greeting: { sv: 'Hej {name},', da: 'Hej {name},', en: 'Hello {name},' },
} satisfies Record<string, Translated>;

export const RAG_LABEL: Record<Rag, Translated> = {
  on_track: { sv: 'Enligt plan', da: 'Efter planen', en: 'On track' },
  at_risk: { sv: 'I riskzonen', da: 'I risiko', en: 'At risk' },
  late: { sv: 'Försenad', da: 'Forsinket', en: 'Late' },
  no_data: { sv: 'Underlag saknas', da: 'Intet grundlag', en: 'No data' },
};

export const STATUS_LABEL: Record<string, Translated> = {
  forming: { sv: 'Under bildande', da: 'Under etablering', en: 'Forming' },
  active: { sv: 'Aktiv', da: 'Aktiv', en: 'Active' },
  concluded: { sv: 'Avslutad', da: 'Afsluttet', en: 'Concluded' },
  planned: { sv: 'Planerad', da: 'Planlagt', en: 'Planned' },
  reported: { sv: 'Slutrapporterad', da: 'Afrapporteret', en: 'Reported' },
};

export const KIND_LABEL: Record<string, Translated> = {
  mandate: { sv: 'Uppdrag', da: 'Opgave', en: 'Mandate' },
  group: { sv: 'Arbetsgrupp', da: 'Arbejdsgruppe', en: 'Working group' },
  deliverable: { sv: 'Leverans', da: 'Leverance', en: 'Deliverable' },
  action_item: { sv: 'Åtgärdspunkt', da: 'Opfølgningspunkt', en: 'Action item' },
  meeting: { sv: 'Möte', da: 'Møde', en: 'Meeting' },
};

export function tr(texts: Translated, locale: Locale): string {
  return texts[locale];
}

export function label(map: Record<string, Translated>, key: string, locale: Locale): string {
  return map[key]?.[locale] ?? key;
}
