import { FieldProblem, described, type FieldError } from './form';
import { useI18n } from './i18n';
import { zonesWith } from './time-zones';

/** The time-zone select of a form (#timeZone, every zone the browser knows and the value given), its problem under it. */
export function TimeZoneField({ value, onChange, errors }: { value: string; onChange(zone: string): void; errors: FieldError[] }) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor="timeZone">{t('commission.timeZone')}</label>
      <select id="timeZone" value={value} onChange={(e) => onChange(e.target.value)} {...described('timeZone', errors)}>
        {zonesWith(value).map((z) => (
          <option key={z} value={z}>
            {z}
          </option>
        ))}
      </select>
      <FieldProblem id="timeZone" errors={errors} />
    </>
  );
}
