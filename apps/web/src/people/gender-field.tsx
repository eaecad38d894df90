import { useI18n } from '../core/i18n';
import { GENDERS, type Gender } from './register-form';

/** The person's gender, for the gender balance and the § 9 pair rule only; "not stated" is a choice. */
export function GenderField({ value }: { value?: Gender | null }) {
  const { t } = useI18n();
  return (
    <>
      <label htmlFor="gender">{t('people.gender')}</label>
      <p id="gender-hint" className="hint">
        {t('people.genderHint')}
      </p>
      <select id="gender" name="gender" defaultValue={value ?? ''} aria-describedby="gender-hint">
        <option value="">{t('people.genderNotStated')}</option>
        {GENDERS.map((g) => (
          <option key={g} value={g}>
            {t(`people.gender.${g}`)}
          </option>
        ))}
      </select>
    </>
  );
}
