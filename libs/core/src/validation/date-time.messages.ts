import { registerMessages } from '../errors/messages';

/** Why a date or a date-time input was refused, as whole sentences. {field} is the input's path, e.g. startsAt. */
registerMessages({
  'dateTime.notDateTime': {
    sv: '{field} ska vara ett datum med klockslag, till exempel 2027-03-01T10:00 eller 2027-03-01T10:00:00+01:00; ”{value}” är inte det.',
    da: '{field} skal være en dato med klokkeslæt, for eksempel 2027-03-01T10:00 eller 2027-03-01T10:00:00+01:00; »{value}« er ikke det.',
    en: '{field} must be a date and time such as 2027-03-01T10:00 or 2027-03-01T10:00:00+01:00; “{value}” is not one.',
  },
  'dateTime.dateOnly': {
    sv: '{field} behöver ett klockslag och inte bara datumet {value}, till exempel {value}T10:00.',
    da: '{field} skal have et klokkeslæt og ikke kun datoen {value}, for eksempel {value}T10:00.',
    en: '{field} needs a time of day as well as the date {value}, for example {value}T10:00.',
  },
  'dateTime.impossible': {
    sv: 'Datumet {date} i {field} finns inte i kalendern.',
    da: 'Datoen {date} i {field} findes ikke i kalenderen.',
    en: 'The date {date} in {field} does not exist in the calendar.',
  },
  'dateTime.impossibleTime': {
    sv: 'Klockslaget {time} i {field} finns inte.',
    da: 'Klokkeslættet {time} i {field} findes ikke.',
    en: 'The time of day {time} in {field} does not exist.',
  },
  'dateTime.outOfRange': {
    sv: '{field} måste ligga mellan åren 1900 och 2200.',
    da: '{field} skal ligge mellem årene 1900 og 2200.',
    en: '{field} must lie between the years 1900 and 2200.',
  },
  'dateTime.offsetRequired': {
    sv: '{field} behöver en UTC-förskjutning, till exempel {value}Z eller {value}+01:00, eftersom ingen tidszon följer av frågan.',
    da: '{field} skal have en UTC-forskydning, for eksempel {value}Z eller {value}+01:00, fordi forespørgslen ikke angiver nogen tidszone.',
    en: '{field} needs a UTC offset, such as {value}Z or {value}+01:00, because no time zone follows from the request.',
  },
  'dateTime.skipped': {
    sv: 'Klockslaget {value} i {field} finns inte i {timeZone}: klockan ställs fram den natten. Välj en annan tid.',
    da: 'Tidspunktet {value} i {field} findes ikke i {timeZone}: uret stilles frem den nat. Vælg et andet tidspunkt.',
    en: 'The time {value} in {field} does not exist in {timeZone}: the clocks are put forward that night. Choose another time.',
  },
  'dateTime.ambiguous': {
    sv: 'Klockslaget {value} i {field} inträffar två gånger i {timeZone}: klockan ställs tillbaka den natten. Skriv det med förskjutning, {earlier} eller {later}.',
    da: 'Tidspunktet {value} i {field} forekommer to gange i {timeZone}: uret stilles tilbage den nat. Skriv det med forskydning, {earlier} eller {later}.',
    en: 'The time {value} in {field} happens twice in {timeZone}: the clocks are put back that night. Write it with its offset, {earlier} or {later}.',
  },
  'date.notDate': {
    sv: '{field} ska vara ett datum skrivet ÅÅÅÅ-MM-DD, till exempel 2027-03-01; ”{value}” är inte det.',
    da: '{field} skal være en dato skrevet ÅÅÅÅ-MM-DD, for eksempel 2027-03-01; »{value}« er ikke det.',
    en: '{field} must be a date written YYYY-MM-DD, such as 2027-03-01; “{value}” is not one.',
  },
});
