import { Foundation1732300000000 } from './1732300000000-foundation';
import { Structure1732300001000 } from './1732300001000-structure';
import { Notifications1732300002000 } from './1732300002000-notifications';
import { Meetings1732300003000 } from './1732300003000-meetings';
import { Deliverables1732300004000 } from './1732300004000-deliverables';
import { Reports1732300005000 } from './1732300005000-reports';
import { MailActions1732300006000 } from './1732300006000-mail-actions';
import { BenchIndexes1732300007000 } from './1732300007000-bench-indexes';
import { Privacy1732300008000 } from './1732300008000-privacy';
import { AgendaDeliverables1732300009000 } from './1732300009000-agenda-deliverables';
import { RegistrationAddress1732300010000 } from './1732300010000-registration-address';
import { LeanOutbox1732300011000 } from './1732300011000-lean-outbox';
import { VacancyIndex1732300012000 } from './1732300012000-vacancy-index';
import { MailCalendar1732300013000 } from './1732300013000-mail-calendar';
import { SeatVacancy1732300013400 } from './1732300013400-seat-vacancy';
import { ReminderSeries1732300016020 } from './1732300016020-reminder-series';
import { InboundMail1732300027100 } from './1732300027100-inbound-mail';
import { InboundMessageId1732300027101 } from './1732300027101-inbound-message-id';
import { MemberPages1732300031000 } from './1732300031000-member-pages';
import { PublicRegister1732400030000 } from './1732400030000-public-register';
import { RegionsAndCommissionAudit1732400040001 } from './1732400040001-regions-and-commission-audit';
import { ReviewReminders1732500060000 } from './1732500060000-review-reminders';
import { MemberPageIndexes1732500110000 } from './1732500110000-member-page-indexes';

/** Every migration, in order. The CLI, the app and the test template run this list. */
export const migrations = [
  Foundation1732300000000,
  Structure1732300001000,
  Notifications1732300002000,
  Meetings1732300003000,
  Deliverables1732300004000,
  Reports1732300005000,
  MailActions1732300006000,
  BenchIndexes1732300007000,
  Privacy1732300008000,
  AgendaDeliverables1732300009000,
  RegistrationAddress1732300010000,
  LeanOutbox1732300011000,
  VacancyIndex1732300012000,
  MailCalendar1732300013000,
  SeatVacancy1732300013400,
  ReminderSeries1732300016020,
  InboundMail1732300027100,
  InboundMessageId1732300027101,
  MemberPages1732300031000,
  PublicRegister1732400030000,
  RegionsAndCommissionAudit1732400040001,
  ReviewReminders1732500060000,
  MemberPageIndexes1732500110000,
];
