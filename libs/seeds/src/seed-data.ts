/** The session of the seeding actor: there is none, the seed runs in-process. */
export const NIL_SESSION = '00000000-0000-0000-0000-000000000000';

/**
 * The four situations of shared/seeds/ as plain data, plus the demo logins.
 *
 * What is real and what is invented:
 * - organisations, titles, objectives, goals, dates and seat counts come from the
 *   public texts (000–003); where a text is vague the value chosen is noted here;
 * - people are invented demo people (isDemo, @demo.samverkan.test, surnames such
 *   as "Demosen", "Prøvesen", "Provsson" that say so), except the three people
 *   the public texts name (Pinar Aslan Akay, Mikael Nilsson, Anna Lefevre
 *   Skjöldebrand): they are kept with their public title only, no e-mail, no gender;
 * - organisations marked isDemo are placeholders or invented (demo) organisations.
 *
 * Keys tie the records together; the seeder turns them into ids.
 */
import { CommissionKind, CommissionRoleName, EngagementKind, ReportCadence } from '@samverkan/commissions';
import { OrganisationKind } from '@samverkan/organisations';
import { Gender, LocaleCode } from '@samverkan/people';
import { SeatRole } from '@samverkan/seats';
import { WorkingGroupStatus } from '@samverkan/working-groups';

/** A fixed date (YYYY-MM-DD), or a number of days from the day the seeder runs. */
export type SeedDate = string | { daysFromToday: number };

export interface OrganisationSeed {
  key: string;
  name: string;
  shortName?: string;
  kind: OrganisationKind;
  country: 'DK' | 'SE';
  region?: string;
  parent?: string;
  isDemo?: boolean;
}

export interface PersonSeed {
  key: string;
  fullName: string;
  email?: string;
  title?: string;
  affiliation?: string;
  locale: LocaleCode;
  timeZone: string;
  gender?: Gender;
  isDemo: boolean;
}

export interface StrategySeed {
  key: string;
  title: string;
  owner: string;
  publishedOn?: string;
  description?: string;
  priorityAreas: { number: number; title: string; goals: { code: string; text: string }[] }[];
}

export interface NominationSeed {
  /** Deadline of the request sent to the nominating organisation. */
  deadline: SeedDate;
  message?: string;
  /** People proposed; none means the request is still unanswered. */
  candidates?: string[];
  genderRuleReason?: string;
  /** Which candidate (index) is then appointed to the seat, and from when. */
  appoint?: { candidate: number; startsOn: SeedDate; endsOn?: SeedDate };
}

export interface AppointmentSeed {
  person: string;
  kind?: 'principal' | 'substitute';
  startsOn: SeedDate;
  endsOn?: SeedDate;
}

export interface AllocationSeed {
  organisation: string;
  nominatingOrganisation?: string;
  seatCount: number;
  role?: SeatRole;
  requiredPerspective?: string;
  requiresGenderPair: boolean;
  notes?: string;
  nomination?: NominationSeed;
  /** Appointed directly (seats beyond these stay vacant). */
  appointments?: AppointmentSeed[];
}

export interface WorkingGroupSeed {
  key: string;
  name: string;
  purpose?: string;
  status: WorkingGroupStatus;
  parent?: string;
  chair?: string;
  leadOrganisation?: string;
  secretariatOrganisation?: string;
  reportsTo?: string;
  subgroupsAllowed: boolean;
  establishedOn?: string;
  /** Goal codes of the commission's strategy, e.g. "4.4". */
  goals?: string[];
  /** Objective letters of the commission, e.g. "a". */
  objectives?: string[];
  allocations: AllocationSeed[];
}

export interface EngagementSeed {
  organisation: string;
  how: EngagementKind;
  note?: string;
  engagedOn?: string;
}

export interface CommissionSeed {
  key: string;
  /** Which seed document it models. */
  source: string;
  title: string;
  kind: CommissionKind;
  commissioningBody: string;
  lead: string;
  partners?: string[];
  strategy?: string;
  description?: string;
  startsOn: string;
  reportingDeadline?: string;
  reportCadence: ReportCadence;
  timeZone: string;
  objectives?: { letter: string; text: string }[];
  secretariat?: string[];
  commissioners?: string[];
  /** Other explicit roles (chair, member, observer). */
  roles?: { person: string; role: CommissionRoleName }[];
  engagements?: EngagementSeed[];
  groups: WorkingGroupSeed[];
}

export type DemoRole = 'admin' | 'secretariat' | 'chair' | 'member' | 'commissioner' | 'observer';

export interface DemoLogin {
  role: DemoRole;
  email: string;
  person: string;
  /** What the login shows, for the README. */
  description: string;
}

export const DEMO_PASSWORD = 'samverkan-demo';
export const DEMO_DOMAIN = 'demo.samverkan.test';

const DK = { locale: LocaleCode.da, timeZone: 'Europe/Copenhagen' } as const;
const SE = { locale: LocaleCode.sv, timeZone: 'Europe/Stockholm' } as const;

// ---------------------------------------------------------------------------
// Organisations (parents before children)
// ---------------------------------------------------------------------------

export const ORGANISATIONS: OrganisationSeed[] = [
  // 003 — Denmark
  { key: 'ngc', name: 'Nationalt Genom Center', shortName: 'NGC', kind: OrganisationKind.AGENCY, country: 'DK' },
  { key: 'ngc-board', name: 'Nationalt Genom Centers bestyrelse', kind: OrganisationKind.OTHER, country: 'DK', parent: 'ngc' },
  { key: 'sst', name: 'Sundhedsstyrelsen', shortName: 'SST', kind: OrganisationKind.AGENCY, country: 'DK' },
  { key: 'ufm', name: 'Uddannelses- og Forskningsministeriet', shortName: 'UFM', kind: OrganisationKind.MINISTRY, country: 'DK' },
  { key: 'danske-regioner', name: 'Danske Regioner', kind: OrganisationKind.ASSOCIATION, country: 'DK' },
  { key: 'region-h', name: 'Region Hovedstaden', kind: OrganisationKind.REGION, country: 'DK', region: 'Region Hovedstaden' },
  { key: 'region-sj', name: 'Region Sjælland', kind: OrganisationKind.REGION, country: 'DK', region: 'Region Sjælland' },
  { key: 'region-sd', name: 'Region Syddanmark', kind: OrganisationKind.REGION, country: 'DK', region: 'Region Syddanmark' },
  { key: 'region-m', name: 'Region Midtjylland', kind: OrganisationKind.REGION, country: 'DK', region: 'Region Midtjylland' },
  { key: 'region-n', name: 'Region Nordjylland', kind: OrganisationKind.REGION, country: 'DK', region: 'Region Nordjylland' },
  { key: 'danske-universiteter', name: 'Danske Universiteter', kind: OrganisationKind.ASSOCIATION, country: 'DK' },
  { key: 'ku', name: 'Københavns Universitet', shortName: 'KU', kind: OrganisationKind.UNIVERSITY, country: 'DK' },
  { key: 'au', name: 'Aarhus Universitet', shortName: 'AU', kind: OrganisationKind.UNIVERSITY, country: 'DK' },
  { key: 'sdu', name: 'Syddansk Universitet', shortName: 'SDU', kind: OrganisationKind.UNIVERSITY, country: 'DK' },
  { key: 'aau', name: 'Aalborg Universitet', shortName: 'AAU', kind: OrganisationKind.UNIVERSITY, country: 'DK' },
  { key: 'dtu', name: 'Danmarks Tekniske Universitet', shortName: 'DTU', kind: OrganisationKind.UNIVERSITY, country: 'DK' },
  // "Dekanerne fra de fire danske sundhedsvidenskabelige fakulteter": named uniformly after the text.
  { key: 'ku-sund', name: 'Det Sundhedsvidenskabelige Fakultet, Københavns Universitet', kind: OrganisationKind.UNIVERSITY, country: 'DK', parent: 'ku' },
  { key: 'au-sund', name: 'Det Sundhedsvidenskabelige Fakultet, Aarhus Universitet', kind: OrganisationKind.UNIVERSITY, country: 'DK', parent: 'au' },
  { key: 'sdu-sund', name: 'Det Sundhedsvidenskabelige Fakultet, Syddansk Universitet', kind: OrganisationKind.UNIVERSITY, country: 'DK', parent: 'sdu' },
  { key: 'aau-sund', name: 'Det Sundhedsvidenskabelige Fakultet, Aalborg Universitet', kind: OrganisationKind.UNIVERSITY, country: 'DK', parent: 'aau' },
  { key: 'dph', name: 'Danske Professionshøjskoler', kind: OrganisationKind.ASSOCIATION, country: 'DK' },
  { key: 'lvs', name: 'Lægevidenskabelige Selskaber', shortName: 'LVS', kind: OrganisationKind.PROFESSIONAL_BODY, country: 'DK' },
  { key: 'dasys', name: 'Dansk Sygepleje Selskab', shortName: 'DASYS', kind: OrganisationKind.PROFESSIONAL_BODY, country: 'DK' },
  { key: 'danske-bioanalytikere', name: 'Danske Bioanalytikere', kind: OrganisationKind.UNION, country: 'DK' },
  { key: 'laegeforeningen', name: 'Lægeforeningen', kind: OrganisationKind.PROFESSIONAL_BODY, country: 'DK' },
  { key: 'dsr', name: 'Dansk Sygeplejeråd', shortName: 'DSR', kind: OrganisationKind.UNION, country: 'DK' },

  // Sweden — shared by 000–002
  { key: 'regeringen', name: 'Regeringen', kind: OrganisationKind.GOVERNMENT, country: 'SE' },
  { key: 'vinnova', name: 'Vinnova', kind: OrganisationKind.AGENCY, country: 'SE' },

  // 001
  { key: 'mynak', name: 'Myndigheten för arbetsmiljökunskap', shortName: 'Mynak', kind: OrganisationKind.AGENCY, country: 'SE' },
  { key: 'socialstyrelsen', name: 'Socialstyrelsen', kind: OrganisationKind.AGENCY, country: 'SE' },
  { key: 'nvkr', name: 'Nationella vårdkompetensrådet', kind: OrganisationKind.OTHER, country: 'SE' },
  { key: 'sveriges-foretagshalsor', name: 'Sveriges Företagshälsor', kind: OrganisationKind.ASSOCIATION, country: 'SE' },
  { key: 'foretagslakarforeningen', name: 'Företagsläkarföreningen', kind: OrganisationKind.PROFESSIONAL_BODY, country: 'SE' },
  // The text names groups, not organisations: "representanter för AMM-kliniker och företagshälsobolag".
  { key: 'amm-kliniker', name: 'AMM-kliniker (representanter)', kind: OrganisationKind.OTHER, country: 'SE', isDemo: true },
  { key: 'foretagshalsobolag', name: 'Företagshälsobolag (representanter)', kind: OrganisationKind.OTHER, country: 'SE', isDemo: true },
  // The planned mapping of networks has no named network yet.
  { key: 'fhv-natverk', name: 'Befintliga nätverk för kompetensförsörjning inom företagshälsovården', kind: OrganisationKind.OTHER, country: 'SE', isDemo: true },

  // 002
  { key: 'swedish-medtech', name: 'Swedish Medtech', kind: OrganisationKind.ASSOCIATION, country: 'SE' },
  { key: 'demo-region', name: 'Region Demo', kind: OrganisationKind.REGION, country: 'SE', isDemo: true },
  { key: 'demo-sjukhus', name: 'Demo universitetssjukhus', kind: OrganisationKind.OTHER, country: 'SE', isDemo: true },
  { key: 'demo-patient', name: 'Demo patientförbund', kind: OrganisationKind.ASSOCIATION, country: 'SE', isDemo: true },
  { key: 'demo-diagnostik', name: 'Demo Diagnostik AB', kind: OrganisationKind.COMPANY, country: 'SE', isDemo: true },

  // 000
  { key: 'atmp2030', name: 'ATMP 2030', kind: OrganisationKind.OTHER, country: 'SE' },
];

// ---------------------------------------------------------------------------
// People
// ---------------------------------------------------------------------------

const demo = (local: string) => `${local}@${DEMO_DOMAIN}`;

export const PEOPLE: PersonSeed[] = [
  // Demo logins
  { key: 'admin', fullName: 'Alva Demosson', email: demo('admin'), title: 'Systemadministratör (demo)', ...SE, gender: Gender.WOMAN, isDemo: true },
  { key: 'ngc-chair', fullName: 'Karen Demosen', email: demo('chair'), title: 'Formand for arbejdsgruppen', affiliation: 'ngc', ...DK, gender: Gender.WOMAN, isDemo: true },
  { key: 'ngc-secretariat', fullName: 'Jonas Prøvesen', email: demo('secretariat'), title: 'Specialkonsulent, sekretariatet', affiliation: 'ngc', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'ngc-commissioner', fullName: 'Birgitte Eksempelsen', email: demo('commissioner'), title: 'Bestyrelsesmedlem', affiliation: 'ngc-board', ...DK, gender: Gender.WOMAN, isDemo: true },
  { key: 'ngc-observer', fullName: 'Anders Fiktivsen', email: demo('observer'), title: 'Observatør', affiliation: 'ngc', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'sst-member', fullName: 'Louise Attrapsen', email: demo('member'), title: 'Overlæge', affiliation: 'sst', ...DK, gender: Gender.WOMAN, isDemo: true },

  // 003 seat holders and candidates
  { key: 'sst-alt', fullName: 'Henrik Mønstersen', email: demo('henrik.monstersen'), affiliation: 'sst', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'ufm-1', fullName: 'Søren Demosen', email: demo('soren.demosen'), affiliation: 'ufm', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'dr-1', fullName: 'Camilla Prøvesen', email: demo('camilla.provesen'), affiliation: 'danske-regioner', ...DK, gender: Gender.WOMAN, isDemo: true },
  { key: 'rh-1', fullName: 'Peter Eksempelsen', email: demo('peter.eksempelsen'), affiliation: 'region-h', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'rsj-1', fullName: 'Anne Fiktivsen', email: demo('anne.fiktivsen'), affiliation: 'region-sj', ...DK, gender: Gender.WOMAN, isDemo: true },
  { key: 'rsd-1', fullName: 'Morten Attrapsen', email: demo('morten.attrapsen'), affiliation: 'region-sd', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'rm-1', fullName: 'Hanne Mønstersen', email: demo('hanne.monstersen'), affiliation: 'region-m', ...DK, gender: Gender.WOMAN, isDemo: true },
  { key: 'rm-alt', fullName: 'Jens Demosen', email: demo('jens.demosen'), affiliation: 'region-m', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'rn-1', fullName: 'Rasmus Prøvesen', email: demo('rasmus.provesen'), affiliation: 'region-n', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'ku-1', fullName: 'Lene Eksempelsen', email: demo('lene.eksempelsen'), affiliation: 'ku-sund', ...DK, gender: Gender.WOMAN, isDemo: true },
  { key: 'au-1', fullName: 'Thomas Fiktivsen', email: demo('thomas.fiktivsen'), affiliation: 'au-sund', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'sdu-1', fullName: 'Marianne Attrapsen', email: demo('marianne.attrapsen'), affiliation: 'sdu-sund', ...DK, gender: Gender.WOMAN, isDemo: true },
  { key: 'aau-1', fullName: 'Niels Mønstersen', email: demo('niels.monstersen'), affiliation: 'aau-sund', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'lvs-1', fullName: 'Ida Demosen', email: demo('ida.demosen'), affiliation: 'lvs', ...DK, gender: Gender.WOMAN, isDemo: true },
  { key: 'dasys-1', fullName: 'Pernille Prøvesen', email: demo('pernille.provesen'), affiliation: 'dasys', ...DK, gender: Gender.WOMAN, isDemo: true },
  { key: 'db-1', fullName: 'Mikkel Eksempelsen', email: demo('mikkel.eksempelsen'), affiliation: 'danske-bioanalytikere', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'lf-hospital', fullName: 'Christian Fiktivsen', email: demo('christian.fiktivsen'), title: 'Overlæge', affiliation: 'laegeforeningen', ...DK, gender: Gender.MAN, isDemo: true },
  { key: 'lf-hospital-alt', fullName: 'Sofie Attrapsen', email: demo('sofie.attrapsen'), title: 'Afdelingslæge', affiliation: 'laegeforeningen', ...DK, gender: Gender.WOMAN, isDemo: true },
  { key: 'dsr-1', fullName: 'Maria Mønstersen', email: demo('maria.monstersen'), affiliation: 'dsr', ...DK, gender: Gender.WOMAN, isDemo: true },

  // 001 — named in the public text: real people, public title only.
  { key: 'pinar', fullName: 'Pinar Aslan Akay', title: 'Processledande analytiker', affiliation: 'mynak', ...SE, isDemo: false },
  { key: 'mikael', fullName: 'Mikael Nilsson', title: 'Processledande analytiker', affiliation: 'mynak', ...SE, isDemo: false },

  // 002 — Anna Lefevre Skjöldebrand is named in the public text; the rest are demo people.
  { key: 'anna-ls', fullName: 'Anna Lefevre Skjöldebrand', title: 'Vd, Swedish Medtech', affiliation: 'swedish-medtech', ...SE, isDemo: false },
  { key: 'smt-kris', fullName: 'Erik Provsson', email: demo('erik.provsson'), affiliation: 'swedish-medtech', ...SE, gender: Gender.MAN, isDemo: true },
  { key: 'smt-precision', fullName: 'Sara Exempelsson', email: demo('sara.exempelsson'), affiliation: 'swedish-medtech', ...SE, gender: Gender.WOMAN, isDemo: true },
  { key: 'smt-halsodata', fullName: 'Johan Fiktivsson', email: demo('johan.fiktivsson'), affiliation: 'swedish-medtech', ...SE, gender: Gender.MAN, isDemo: true },
  { key: 'region-demo-kris', fullName: 'Lina Provsson', email: demo('lina.provsson'), affiliation: 'demo-region', ...SE, gender: Gender.WOMAN, isDemo: true },
  { key: 'region-demo-data', fullName: 'Karl Exempelsson', email: demo('karl.exempelsson'), affiliation: 'demo-region', ...SE, gender: Gender.MAN, isDemo: true },
  { key: 'diagnostik-1', fullName: 'Oskar Demosson', email: demo('oskar.demosson'), affiliation: 'demo-diagnostik', ...SE, gender: Gender.MAN, isDemo: true },
  { key: 'patient-1', fullName: 'Eva Fiktivsson', email: demo('eva.fiktivsson'), affiliation: 'demo-patient', ...SE, gender: Gender.WOMAN, isDemo: true },
];

// ---------------------------------------------------------------------------
// Strategy (002)
// ---------------------------------------------------------------------------

export const STRATEGIES: StrategySeed[] = [
  {
    key: 'life-science',
    title: 'En nationell strategi för life science',
    owner: 'regeringen',
    // The text says "I slutet av 2019"; 2019-12-17 stands in for that.
    publishedOn: '2019-12-17',
    description:
      'Life science-strategin har åtta prioriteringsområden och 30 målsättningar. Prioriteringar är satta utifrån områden inom vilka förändringar bedöms vara särskilt angelägna. ' +
      'Här finns bara de mål som arbetsgrupperna i underlaget arbetar mot (2.2 och 4.4).',
    priorityAreas: [
      { number: 1, title: 'Strukturer för samverkan', goals: [] },
      {
        number: 2,
        title: 'Nyttiggörande av hälso- och vårddata för forskning och innovation',
        goals: [{ code: '2.2', text: 'Ökat nyttjande av hälsodata för forskning och innovation' }],
      },
      { number: 3, title: 'Ansvarsfull, säker och etisk policyutveckling', goals: [] },
      {
        number: 4,
        title: 'Integrering av forskning och innovation i vården',
        goals: [{ code: '4.4', text: 'Sverige ska vara ett föregångsland för införande av precisionsmedicin i vården' }],
      },
      // The text reads "förökad" (a missing space); the strategy's area is "för ökad".
      { number: 5, title: 'Välfärdsteknik för ökad självständighet, delaktighet och hälsa', goals: [] },
      { number: 6, title: 'Forskning och infrastruktur', goals: [] },
      { number: 7, title: 'Kompetensförsörjning, talangattraktion och livslångt lärande', goals: [] },
      { number: 8, title: 'Internationell attraktivitet och konkurrenskraft', goals: [] },
    ],
  },
];

// ---------------------------------------------------------------------------
// Commissions
// ---------------------------------------------------------------------------

const NGC_START = '2017-11-01';
const GENDER_PAIR_NOTE = 'Ligestillingsloven: der indstilles både en kvinde og en mand.';

export const NGC_GROUP_NAME =
  'Arbejdsgruppe for uddannelse og kompetenceudvikling af sundhedspersonale inden for anvendelse af genomanalyser i sundhedsvæsnet';

const seat003 = (person: string, endsOn?: SeedDate): AppointmentSeed[] => [{ person, startsOn: NGC_START, ...(endsOn ? { endsOn } : {}) }];

export const COMMISSIONS: CommissionSeed[] = [
  {
    key: '003',
    source: '003_954afea46bdc2a9e.txt',
    title: NGC_GROUP_NAME,
    kind: CommissionKind.BOARD_WORKING_GROUP,
    commissioningBody: 'ngc-board',
    lead: 'ngc',
    description:
      'Med en strategisk satsning inden for Personlig Medicin vil anvendelsen af genomteknologier øges betydeligt på tværs af hospitaler og lægefaglige specialer. ' +
      'Det er en forudsætning for anvendelse af genomanalyser til behandling og diagnostik, at der sikres tilstrækkelig kapacitet og kompetencer blandt relevante faggrupper i sundhedsvæsenet.',
    // "Arbejdsgruppen nedsættes i efteråret 2017".
    startsOn: '2017-09-01',
    // "Arbejdsgruppen orienterer løbende bestyrelsen om status for arbejdet".
    reportCadence: ReportCadence.QUARTERLY,
    timeZone: 'Europe/Copenhagen',
    objectives: [
      {
        letter: 'a',
        text:
          'Afdække den nuværende dækning og det forventede fremtidige behov for kapacitet og kompetencer blandt relevant sundhedspersonale ved en strategisk satsning inden for Personlig Medicin med fokus på implementering af genomteknologier i sundhedsvæsenet.',
      },
      {
        letter: 'b',
        text:
          'Afdække i hvilken grad det forventede fremtidige behov for kapacitet og kompetencer blandt relevant sundhedspersonale dækkes af eksisterende uddannelser, efteruddannelser og kurser.',
      },
      {
        letter: 'c',
        text:
          'Udvikle forslag til konkrete programmer og indsatser på centralt og lokalt niveau, der sikrer tilstrækkelig (efter)uddannelse og kompetenceudvikling på rette niveau til rette faggrupper.',
      },
    ],
    secretariat: ['ngc-secretariat'],
    commissioners: ['ngc-commissioner'],
    roles: [{ person: 'ngc-observer', role: CommissionRoleName.OBSERVER }],
    groups: [
      {
        key: '003-main',
        name: NGC_GROUP_NAME,
        purpose:
          'Programmer og indsatser for (efter)uddannelse og kompetenceudvikling skal forstås bredt og kan spænde fra kortere kurser og e-læringsmoduler til master- og diplomprogrammer. ' +
          'Internationale erfaringer med (efter)uddannelse og kompetenceudvikling i relation til implementering af genomanalyser i sundhedsvæsenet (fra bl.a. Genomics England) vil indgå som bidrag til arbejdsgruppens arbejde. ' +
          'Arbejdsgruppen kan nedsætte underarbejdsgrupper efter behov.',
        status: WorkingGroupStatus.ACTIVE,
        chair: 'ngc-chair',
        leadOrganisation: 'ngc',
        secretariatOrganisation: 'ngc',
        reportsTo: 'Nationalt Genom Centers bestyrelse',
        subgroupsAllowed: true,
        establishedOn: NGC_START,
        objectives: ['a', 'b', 'c'],
        allocations: [
          // "Nationalt Genom Center (formand og sekretariat)": the chair's seat; the secretariat is secretariatOrganisation.
          {
            organisation: 'ngc',
            seatCount: 1,
            role: SeatRole.CHAIR,
            requiresGenderPair: false,
            notes: 'Formand; Nationalt Genom Center varetager også sekretariatet.',
            appointments: seat003('ngc-chair'),
          },
          // The 20 seats outside NGC, in the order of the text.
          {
            organisation: 'sst',
            seatCount: 1,
            requiresGenderPair: true,
            nomination: { deadline: '2017-10-15', candidates: ['sst-member', 'sst-alt'], appoint: { candidate: 0, startsOn: NGC_START } },
          },
          { organisation: 'ufm', seatCount: 1, requiresGenderPair: true, appointments: seat003('ufm-1') },
          { organisation: 'danske-regioner', seatCount: 1, requiresGenderPair: true, appointments: seat003('dr-1') },
          // "En repræsentant fra hver regionen (5)"
          { organisation: 'region-h', seatCount: 1, requiresGenderPair: true, appointments: seat003('rh-1') },
          { organisation: 'region-sj', seatCount: 1, requiresGenderPair: true, appointments: seat003('rsj-1', { daysFromToday: 21 }) },
          { organisation: 'region-sd', seatCount: 1, requiresGenderPair: true, appointments: seat003('rsd-1') },
          {
            organisation: 'region-m',
            seatCount: 1,
            requiresGenderPair: true,
            nomination: { deadline: '2017-10-15', candidates: ['rm-1', 'rm-alt'], appoint: { candidate: 0, startsOn: NGC_START } },
          },
          { organisation: 'region-n', seatCount: 1, requiresGenderPair: true, appointments: seat003('rn-1') },
          // "Danske Universiteter (5)": the four health-science deans and DTU's research dean each appoint one.
          {
            organisation: 'danske-universiteter',
            nominatingOrganisation: 'ku-sund',
            seatCount: 1,
            requiresGenderPair: true,
            notes: 'Dekanen udpeger ét medlem.',
            appointments: seat003('ku-1'),
          },
          {
            organisation: 'danske-universiteter',
            nominatingOrganisation: 'au-sund',
            seatCount: 1,
            requiresGenderPair: true,
            notes: 'Dekanen udpeger ét medlem.',
            appointments: seat003('au-1'),
          },
          {
            organisation: 'danske-universiteter',
            nominatingOrganisation: 'sdu-sund',
            seatCount: 1,
            requiresGenderPair: true,
            notes: 'Dekanen udpeger ét medlem.',
            appointments: seat003('sdu-1'),
          },
          {
            organisation: 'danske-universiteter',
            nominatingOrganisation: 'aau-sund',
            seatCount: 1,
            requiresGenderPair: true,
            notes: 'Dekanen udpeger ét medlem.',
            appointments: seat003('aau-1'),
          },
          {
            organisation: 'danske-universiteter',
            nominatingOrganisation: 'dtu',
            seatCount: 1,
            requiresGenderPair: true,
            notes: 'Forskningsdekanen udpeger ét medlem.',
            // Vacant: the request is out, not yet answered.
            nomination: { deadline: { daysFromToday: 14 }, message: 'Vi beder om indstilling af en kvinde og en mand til arbejdsgruppen.' },
          },
          // Vacant, no request yet.
          { organisation: 'dph', seatCount: 1, requiresGenderPair: true, notes: GENDER_PAIR_NOTE },
          { organisation: 'lvs', seatCount: 1, requiresGenderPair: true, appointments: seat003('lvs-1') },
          {
            organisation: 'dasys',
            seatCount: 1,
            requiresGenderPair: true,
            nomination: {
              deadline: '2017-10-15',
              candidates: ['dasys-1'],
              genderRuleReason: 'Demo: selskabet har kun kunnet finde én kandidat med den efterspurgte profil.',
              appoint: { candidate: 0, startsOn: NGC_START },
            },
          },
          { organisation: 'danske-bioanalytikere', seatCount: 1, requiresGenderPair: true, appointments: seat003('db-1', { daysFromToday: 45 }) },
          // "Lægeforeningen (2)": one hospital and one general-practice perspective.
          {
            organisation: 'laegeforeningen',
            seatCount: 1,
            requiredPerspective: 'hospital',
            requiresGenderPair: true,
            nomination: { deadline: '2017-10-15', candidates: ['lf-hospital', 'lf-hospital-alt'], appoint: { candidate: 0, startsOn: NGC_START } },
          },
          // Vacant.
          { organisation: 'laegeforeningen', seatCount: 1, requiredPerspective: 'almen praksis', requiresGenderPair: true, notes: GENDER_PAIR_NOTE },
          { organisation: 'dsr', seatCount: 1, requiresGenderPair: true, appointments: seat003('dsr-1') },
        ],
      },
    ],
  },

  {
    key: '001',
    source: '001_0a52db92f2530427.txt',
    title: 'Samordna företagshälsovårdens kompetensförsörjning avseende läkare',
    kind: CommissionKind.GOVERNMENT_ASSIGNMENT,
    commissioningBody: 'regeringen',
    lead: 'mynak',
    partners: ['socialstyrelsen', 'nvkr'],
    description:
      'I november 2021 fick Myndigheten för arbetsmiljökunskap i uppdrag att samordna företagshälsovårdens kompetensförsörjning avseende läkare och fungera som en sammanhållande instans ' +
      'för att samla information och stimulera förekomsten av relevanta utbildningsinsatser inom området. Uppdraget sker i samverkan med Socialstyrelsen och Nationella vårdkompetensrådet. ' +
      'Alla aktiviteter som genomförs inom regeringsuppdraget beskrivs skriftligt i en rapport som lämnas till regeringen i februari 2023.',
    startsOn: '2021-11-01',
    // "lämnas till regeringen i februari 2023": the last day of that month.
    reportingDeadline: '2023-02-28',
    reportCadence: ReportCadence.NONE,
    timeZone: 'Europe/Stockholm',
    secretariat: ['pinar', 'mikael'],
    engagements: [
      { organisation: 'sveriges-foretagshalsor', how: EngagementKind.DIALOGUE, note: 'Samtal under första halvåret 2022.' },
      { organisation: 'foretagslakarforeningen', how: EngagementKind.DIALOGUE, note: 'Samtal under första halvåret 2022.' },
      { organisation: 'amm-kliniker', how: EngagementKind.DIALOGUE, note: 'Samtal med representanter för AMM-kliniker under första halvåret 2022.' },
      { organisation: 'foretagshalsobolag', how: EngagementKind.DIALOGUE, note: 'Samtal med representanter för företagshälsobolag under första halvåret 2022.' },
      {
        organisation: 'fhv-natverk',
        how: EngagementKind.NETWORK,
        note: 'Planerad kartläggning av befintliga nätverk för kompetensförsörjning inom företagshälsovården: vilka nätverk finns, och behövs nya?',
      },
    ],
    groups: [
      {
        key: '001-workshop',
        name: 'Dialog och workshop med berörda aktörer (hösten 2022)',
        purpose:
          'Under hösten 2022 arrangeras diskussioner och samtal med relevanta aktörer och parter med fokus på hur ett gemensamt arbete med företagshälsovårdens kompetensförsörjning avseende läkare kan organiseras och starta i gång. ' +
          'Workshopen ska bana vägen för en samsyn och ett gemensamt arbete mellan berörda aktörer.',
        status: WorkingGroupStatus.FORMING,
        leadOrganisation: 'mynak',
        secretariatOrganisation: 'mynak',
        reportsTo: 'Myndigheten för arbetsmiljökunskap',
        subgroupsAllowed: false,
        // Who takes part is not named in the text: one seat per organisation, not yet filled.
        allocations: [
          { organisation: 'socialstyrelsen', seatCount: 1, requiresGenderPair: false },
          { organisation: 'nvkr', seatCount: 1, requiresGenderPair: false },
          { organisation: 'sveriges-foretagshalsor', seatCount: 1, requiresGenderPair: false },
          { organisation: 'foretagslakarforeningen', seatCount: 1, requiresGenderPair: false },
        ],
      },
    ],
  },

  {
    key: '002',
    source: '002_fda4a5a2d94ed2ba.txt',
    title: 'Samverkansgruppen för Hälsa och Life Science',
    kind: CommissionKind.STRATEGY_COLLABORATION_GROUP,
    commissioningBody: 'regeringen',
    // The text names no host; Vinnova collects and publishes the groups' deliverables.
    lead: 'vinnova',
    strategy: 'life-science',
    description:
      'Knutet till varje samverkansprogram finns en extern rådgivande samverkansgrupp tillsatt av regeringen. Grupperna utsågs 2020 och har en rådgivande roll till samverkansprogrammet och regeringen. ' +
      'Till samverkansgruppen knyts arbetsgrupper för att konkret arbeta med de frågor och utmaningar som gemensamt identifierats. Arbetsgruppernas leveranser samlas på Vinnovas webbplats.',
    startsOn: '2020-01-01',
    reportCadence: ReportCadence.NONE,
    timeZone: 'Europe/Stockholm',
    // "Swedish Medtechs vd samt en styrelseledamot ingår i samverkansgruppen" (the board member is not named).
    roles: [{ person: 'anna-ls', role: CommissionRoleName.MEMBER }],
    groups: [
      {
        key: '002-kris',
        name: 'Krishantering och resiliens',
        purpose:
          'Arbetsgruppen för Krishantering och resiliens ser över hur svensk vård och omsorg kan förbättra sin kapacitet att hantera kommande kriser baserat på de erfarenheter hanteringen av pandemin givit.',
        status: WorkingGroupStatus.ACTIVE,
        chair: 'smt-kris',
        leadOrganisation: 'swedish-medtech',
        reportsTo: 'Samverkansgruppen för Hälsa och Life Science',
        subgroupsAllowed: true,
        allocations: [
          { organisation: 'swedish-medtech', seatCount: 1, role: SeatRole.CHAIR, requiresGenderPair: false, notes: 'Swedish Medtech leder arbetet.', appointments: [{ person: 'smt-kris', startsOn: '2020-09-01' }] },
          { organisation: 'demo-region', seatCount: 1, requiresGenderPair: false, appointments: [{ person: 'region-demo-kris', startsOn: '2020-09-01' }] },
          { organisation: 'demo-sjukhus', seatCount: 1, requiresGenderPair: false },
        ],
      },
      {
        key: '002-precision',
        name: 'Precisionsmedicin',
        purpose:
          'Arbetsgruppen för Precisionsmedicin syftar till att bidra till mål 4.4 Sverige ska vara ett föregångsland för införande av precisionsmedicin i vården.',
        status: WorkingGroupStatus.ACTIVE,
        reportsTo: 'Samverkansgruppen för Hälsa och Life Science',
        subgroupsAllowed: true,
        goals: ['4.4'],
        allocations: [
          { organisation: 'swedish-medtech', seatCount: 1, requiresGenderPair: false, appointments: [{ person: 'smt-precision', startsOn: '2020-09-01' }] },
          { organisation: 'demo-diagnostik', seatCount: 1, requiresGenderPair: false, appointments: [{ person: 'diagnostik-1', startsOn: '2020-09-01' }] },
          { organisation: 'demo-patient', seatCount: 1, requiresGenderPair: false, appointments: [{ person: 'patient-1', startsOn: '2020-09-01' }] },
        ],
      },
      {
        key: '002-halsodata',
        name: 'Hälsodata',
        purpose:
          'Hälsodatagruppen syftar till att föreslå aktiviteter som bidrar till att nå mål 2.2 i Life Science strategin: Ökat nyttjande av hälsodata för forskning och innovation.',
        status: WorkingGroupStatus.ACTIVE,
        reportsTo: 'Samverkansgruppen för Hälsa och Life Science',
        subgroupsAllowed: true,
        goals: ['2.2'],
        allocations: [
          { organisation: 'swedish-medtech', seatCount: 1, requiresGenderPair: false, appointments: [{ person: 'smt-halsodata', startsOn: '2020-09-01' }] },
          { organisation: 'demo-region', seatCount: 1, requiresGenderPair: false, appointments: [{ person: 'region-demo-data', startsOn: '2020-09-01' }] },
          { organisation: 'demo-patient', seatCount: 1, requiresGenderPair: false },
        ],
      },
    ],
  },

  {
    key: '000',
    source: '000_c27beb63f27b4c65.txt',
    title: 'ATMP 2030',
    kind: CommissionKind.INNOVATION_PROGRAMME,
    commissioningBody: 'vinnova',
    lead: 'atmp2030',
    description:
      'Den Vinnova-finansierade innovationsmiljön ATMP 2030. Rapporten ”Kompetensbehov och utbildning inom ATMP” (publicerad 2024-06-20) sammanfattar delar av arbetet mot delmålet ' +
      '”Utbildning och kompetensförsörjning”, bland annat en enkät som besvarades våren 2022 av företrädare för industri och sjukvård. Innehållet och slutsatserna presenteras under ett öppet webbinarium i augusti 2024.',
    // "När arbetet bakom rapporten inleddes 2021".
    startsOn: '2021-01-01',
    reportCadence: ReportCadence.NONE,
    timeZone: 'Europe/Stockholm',
    objectives: [{ letter: 'a', text: 'Utbildning och kompetensförsörjning' }],
    groups: [
      {
        key: '000-utbildning',
        name: 'Utbildning och kompetensförsörjning',
        purpose:
          'Hur ser rekryteringsbehovet i Sverige ut inom ATMP-fältet? Vilka kompetenser efterfrågas av olika aktörer inom området? ' +
          'Vilka utbildningar finns i dagsläget eller är under planering? Vilka unika utmaningar medför ATMP-området vad gäller utbildning?',
        status: WorkingGroupStatus.ACTIVE,
        leadOrganisation: 'atmp2030',
        secretariatOrganisation: 'atmp2030',
        reportsTo: 'ATMP 2030',
        subgroupsAllowed: true,
        establishedOn: '2021-01-01',
        objectives: ['a'],
        allocations: [],
      },
    ],
  },
];

// ---------------------------------------------------------------------------
// Demo logins (all with DEMO_PASSWORD); the roles are all in 003.
// ---------------------------------------------------------------------------

export const DEMO_LOGINS: DemoLogin[] = [
  { role: 'admin', email: demo('admin'), person: 'admin', description: 'Administrator: sees and manages everything.' },
  { role: 'secretariat', email: demo('secretariat'), person: 'ngc-secretariat', description: 'Secretariat of the NGC working group (003): manages seats, nominations, appointments.' },
  { role: 'chair', email: demo('chair'), person: 'ngc-chair', description: 'Chair of the NGC working group (003).' },
  { role: 'member', email: demo('member'), person: 'sst-member', description: 'Principal member on the Sundhedsstyrelsen seat (003).' },
  { role: 'commissioner', email: demo('commissioner'), person: 'ngc-commissioner', description: 'Commissioner of 003 (NGC board): oversees status, vacancies, balance.' },
  { role: 'observer', email: demo('observer'), person: 'ngc-observer', description: 'Observer of 003: reads the structure only.' },
];
