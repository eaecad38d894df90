import { GraphQLError, GraphQLScalarType, Kind, ValueNode, print } from 'graphql';
import { IANAZone } from 'luxon';
import { BadInputError } from '../errors/app-error';
import '../validation/date-time.messages';

/**
 * A wall-clock time written without an offset ("2027-03-01T10:00"). It names
 * no instant until a time zone is chosen: {@link inTimeZone} reads it in the
 * zone of the thing it belongs to (a meeting), {@link instantOf} refuses it
 * where nothing gives a zone.
 */
export class LocalDateTime {
  year = 0;
  month = 0;
  day = 0;
  hour = 0;
  minute = 0;
  second = 0;
  millisecond = 0;
  /** As the client wrote it, for messages. */
  text = '';

  static of(fields: Omit<LocalDateTime, 'asUtcMillis'>): LocalDateTime {
    return Object.assign(new LocalDateTime(), fields);
  }

  /** The instant this wall-clock time would be at UTC. */
  asUtcMillis(): number {
    return Date.UTC(this.year, this.month - 1, this.day, this.hour, this.minute, this.second, this.millisecond);
  }
}

export type DateTimeProblem = 'notDateTime' | 'dateOnly' | 'impossible' | 'impossibleTime' | 'outOfRange';

/**
 * A DateTime input that cannot be read. The scalar hands it on instead of
 * throwing, so that {@link InputValidationPipe} refuses it as a typed
 * BAD_USER_INPUT with a whole sentence in the reader's language; an error
 * thrown by the scalar would reach the client as graphql-js's English
 * "Variable … got invalid value" text.
 */
export class InvalidDateTime {
  constructor(
    readonly value: unknown,
    readonly problem: DateTimeProblem,
  ) {}

  error(field: string): BadInputError {
    const text = typeof this.value === 'string' ? this.value : JSON.stringify(this.value) ?? String(this.value);
    const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    const [date, time] = shown.split('T');
    return new BadInputError(`dateTime.${this.problem}`, { field, value: shown, date, time: time?.slice(0, 8) ?? '' }, { field, value: shown });
  }
}

/** What a DateTime input holds once read: an instant, or a wall-clock time still to be placed in a zone. */
export type DateTimeInput = Date | LocalDateTime;

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

// RFC 3339 (seconds optional, as an HTML datetime-local field writes them); the offset may be left out.
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether year-month-day is a day in the Gregorian calendar. */
export function isCalendarDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Reads a DateTime strictly: a date that exists, a time of day that exists,
 * and Z or an offset up to ±18:00 (or none). Never rolls 30 February over to
 * 2 March, never takes a bare date for midnight.
 */
export function readDateTime(value: unknown): DateTimeInput | InvalidDateTime {
  if (typeof value !== 'string') return new InvalidDateTime(value, 'notDateTime');
  if (DATE_ONLY.test(value)) return new InvalidDateTime(value, 'dateOnly');
  const m = DATE_TIME.exec(value);
  if (!m) return new InvalidDateTime(value, 'notDateTime');
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4], m[5]].map(Number);
  const second = m[6] ? Number(m[6]) : 0;
  const millisecond = m[7] ? Number(m[7].padEnd(3, '0').slice(0, 3)) : 0;
  if (!isCalendarDay(year, month, day)) return new InvalidDateTime(value, 'impossible');
  if (hour > 23 || minute > 59 || second > 59) return new InvalidDateTime(value, 'impossibleTime');
  if (year < MIN_YEAR || year > MAX_YEAR) return new InvalidDateTime(value, 'outOfRange');
  const local = LocalDateTime.of({ year, month, day, hour, minute, second, millisecond, text: value });
  const offset = m[8];
  if (!offset) return local;
  if (offset === 'Z') return new Date(local.asUtcMillis());
  const [oh, om] = offset.slice(1).split(':').map(Number);
  if (oh > 18 || om > 59 || (oh === 18 && om > 0)) return new InvalidDateTime(value, 'notDateTime');
  const sign = offset[0] === '-' ? -1 : 1;
  return new Date(local.asUtcMillis() - sign * (oh * 60 + om) * 60_000);
}

/**
 * Places a DateTime input in a time zone: an instant stays as it is; a
 * wall-clock time becomes the instant it names in that zone. A time the
 * clocks skip (spring forward) or pass twice (fall back) is refused, naming
 * the offsets to choose from.
 */
export function inTimeZone(value: DateTimeInput, timeZone: string, field: string): Date {
  if (value instanceof Date) return value;
  const zone = IANAZone.create(timeZone);
  const wall = value.asUtcMillis();
  const offsets = new Set([-36, -12, 0, 12, 36].map((hours) => zone.offset(wall + hours * 3_600_000)));
  const instants = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => wall - zone.offset(instant) * 60_000 === instant)
    .sort((a, b) => a - b);
  const shown = value.text.slice(0, 60);
  if (instants.length === 0) throw new BadInputError('dateTime.skipped', { field, value: shown, timeZone }, { field, value: shown, timeZone });
  if (instants.length > 1) {
    const [earlier, later] = instants.map((instant) => `${shown}${formatOffset(zone.offset(instant))}`);
    throw new BadInputError('dateTime.ambiguous', { field, value: shown, timeZone, earlier, later }, { field, value: shown, timeZone });
  }
  return new Date(instants[0]);
}

/** An instant where no time zone follows from the input: a wall-clock time is refused. */
export function instantOf(value: DateTimeInput, field: string): Date {
  if (value instanceof Date) return value;
  const shown = value.text.slice(0, 60);
  throw new BadInputError('dateTime.offsetRequired', { field, value: shown }, { field, value: shown });
}

function formatOffset(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * The API's one DateTime scalar (outputs and inputs). Outputs are ISO 8601 at
 * UTC. Inputs are read by {@link readDateTime}; what it cannot read travels on
 * as an {@link InvalidDateTime} that the validation pipe refuses.
 */
export const DateTimeScalar = new GraphQLScalarType<DateTimeInput | InvalidDateTime, string>({
  name: 'DateTime',
  description:
    'A moment, written as in RFC 3339: 2027-03-01T10:00:00Z or 2027-03-01T10:00:00+01:00 (seconds may be left out). ' +
    'Outputs are always at UTC. Inputs of a meeting or a date poll may leave out the offset; the time is then read in the ' +
    'meeting’s time zone. Elsewhere an offset is required. Impossible dates (2027-02-30) and bare dates are refused.',
  serialize(value) {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    throw new GraphQLError('DateTime cannot represent an invalid date.');
  },
  parseValue: readDateTime,
  parseLiteral(ast: ValueNode) {
    return readDateTime(ast.kind === Kind.STRING ? ast.value : print(ast));
  },
});
