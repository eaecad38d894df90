/** The IANA zones the browser knows, for a time-zone select (the API checks the value again). */
export const TIME_ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/Stockholm', 'Europe/Copenhagen', 'Europe/London', 'UTC'];

export function zonesWith(zone: string): string[] {
  return TIME_ZONES.includes(zone) ? TIME_ZONES : [zone, ...TIME_ZONES];
}
