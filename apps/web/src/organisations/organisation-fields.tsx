import { useState } from 'react';
import type { FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { Picker, type Choice } from '../core/pickers';
import { errorAt } from '../people/register-form';

export const COUNTRIES = ['SE', 'DK', 'NO', 'FI', 'IS', 'DE'] as const;

export interface Region {
  code: string;
  country: string;
  name: string;
}

export interface OrganisationValues {
  name: string;
  shortName: string | null;
  kind: string;
  country: string;
  regionCode: string | null;
  email: string | null;
  parent?: { id: string; name: string } | null;
}

/** The fields of an organisation, shared by the add and edit forms; the region list follows the chosen country. */
export function OrganisationFields({ values, regions, kinds, errors }: { values?: OrganisationValues; regions: readonly Region[]; kinds: readonly { value: string; label: string }[]; errors: FieldError[] }) {
  const { t, locale } = useI18n();
  // A new organisation is most likely in the reader's own country: Denmark for a Danish reader, else Sweden.
  const [country, setCountry] = useState(values?.country ?? (locale === 'da' ? 'DK' : 'SE'));
  const [parent, setParent] = useState<Choice | null>(values?.parent ? { id: values.parent.id, label: values.parent.name } : null);
  const countryName = (code: string) => {
    try {
      return new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
    } catch {
      return code;
    }
  };
  const ofCountry = regions.filter((r) => r.country === country);
  const field = (id: string) => ({
    id,
    name: id,
    'aria-invalid': !!errorAt(errors, id),
    'aria-describedby': errorAt(errors, id) ? `${id}-error` : id === 'regionCode' && ofCountry.length === 0 ? 'regionCode-hint' : undefined,
  });
  const fieldError = (id: string) =>
    errorAt(errors, id) && (
      <p id={`${id}-error`} className="field-error">
        {errorAt(errors, id)!.message}
      </p>
    );
  return (
    <>
      <label htmlFor="name">{t('organisations.name')}</label>
      <input type="text" defaultValue={values?.name ?? ''} autoComplete="off" {...field('name')} />
      {fieldError('name')}
      <label htmlFor="shortName">{t('organisations.shortName')}</label>
      <input type="text" defaultValue={values?.shortName ?? ''} {...field('shortName')} />
      {fieldError('shortName')}
      <label htmlFor="kind">{t('organisations.kind')}</label>
      <select defaultValue={values?.kind ?? 'AGENCY'} {...field('kind')}>
        {kinds.map((k) => (
          <option key={k.value} value={k.value}>
            {k.label}
          </option>
        ))}
      </select>
      {fieldError('kind')}
      <label htmlFor="country">{t('organisations.country')}</label>
      <select value={country} onChange={(e) => setCountry(e.target.value)} {...field('country')}>
        {(COUNTRIES.includes(country as (typeof COUNTRIES)[number]) ? COUNTRIES : [country, ...COUNTRIES]).map((c) => (
          <option key={c} value={c}>
            {countryName(c)}
          </option>
        ))}
      </select>
      {fieldError('country')}
      <label htmlFor="regionCode">{t('organisations.region')}</label>
      <select key={country} defaultValue={values?.country === country ? (values?.regionCode ?? '') : ''} disabled={ofCountry.length === 0} {...field('regionCode')}>
        <option value="">{t('organisations.noRegion')}</option>
        {ofCountry.map((r) => (
          <option key={r.code} value={r.code}>
            {r.name}
          </option>
        ))}
      </select>
      {ofCountry.length === 0 && (
        <p id="regionCode-hint" className="secondary">
          {t('organisations.noRegions')}
        </p>
      )}
      {fieldError('regionCode')}
      <label htmlFor="email">{t('organisations.email')}</label>
      <input type="email" defaultValue={values?.email ?? ''} {...field('email')} />
      {fieldError('email')}
      <Picker id="parentId" label={t('organisations.parent')} kind="organisation" value={parent} onChange={setParent} errors={errors} hint={t('organisations.parentHint')} />
      <input type="hidden" name="parentId" value={parent?.id ?? ''} />
    </>
  );
}

/** The values of the form, as the API takes them. */
export function organisationInput(form: FormData) {
  const text = (key: string) => String(form.get(key) ?? '').trim();
  return {
    name: text('name'),
    shortName: text('shortName') || null,
    kind: text('kind'),
    country: text('country'),
    regionCode: text('regionCode') || null,
    email: text('email') || null,
    parentId: text('parentId') || null,
  };
}
