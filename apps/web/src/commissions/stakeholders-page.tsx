import { Link, useParams } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { OrganisationSelect } from '../core/pickers';
import { useQuery } from '../core/use-query';
import { errorAt, fieldErrors } from '../people/register-form';
import { BarChart } from './bar-chart';
import { RecordEngagement, StakeholdersPage as StakeholdersQuery } from './stakeholders-page.operations';
import { BackToCommission } from './back-to-commission';
import '../organisations/register.css';

const ENGAGEMENT_KINDS = ['DIALOGUE', 'WORKSHOP', 'REVIEWER', 'NETWORK', 'CONSULTED', 'OTHER'] as const;

/** A commission's stakeholder register: who is engaged and how, which kinds and regions are missing (tables and bars), and engagements recorded. */
export function StakeholdersPage() {
  const { commissionId } = useParams({ strict: false }) as { commissionId: string };
  const { t, date, locale } = useI18n();
  const [country, setCountry] = useState<string | null>(null);
  const query = useQuery(StakeholdersQuery, { id: commissionId, country });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [recorded, setRecorded] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { commission, enumLabels } = query.data;
  const coverage = commission.stakeholderCoverage;
  const label = (enumName: string, value: string) => enumLabels.find((l) => l.enum === enumName && l.value === value)?.label ?? value;
  const countryName = (code: string) => new Intl.DisplayNames([locale], { type: 'region' }).of(code) ?? code;
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);

  async function record(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const organisationId = String(form.get('organisationId') ?? '');
    const found: FieldError[] = [];
    setRecorded(false);
    if (!organisationId) found.push({ field: 'organisationId', message: t('stakeholders.chooseOrganisation') });
    if (found.length === 0) {
      try {
        await request(RecordEngagement, {
          input: {
            commissionId,
            organisationId,
            how: String(form.get('how')) as (typeof ENGAGEMENT_KINDS)[number],
            engagedOn: String(form.get('engagedOn') ?? '') || null,
            note: String(form.get('note') ?? '').trim() || null,
          },
        });
        setRecorded(true);
        query.reload();
      } catch (error) {
        found.push(...fieldErrors(error, 'organisationId', t));
      }
    }
    setErrors(found);
    if (found.length) requestAnimationFrame(() => summary.current?.focus());
  }

  const field = (id: string) => ({ id, name: id, 'aria-invalid': !!errorAt(errors, id), 'aria-describedby': errorAt(errors, id) ? `${id}-error` : undefined });
  const fieldError = (id: string) =>
    errorAt(errors, id) && (
      <p id={`${id}-error`} className="field-error">
        {errorAt(errors, id)!.message}
      </p>
    );

  return (
    <>
      <BackToCommission id={commissionId} title={commission.title} />
      <Heading>{t('stakeholders.title', { title: commission.title })}</Heading>

      <section aria-labelledby="register">
        <h2 id="register">{t('stakeholders.register')}</h2>
        {commission.stakeholderRegister.length === 0 ? (
          <p>{t('stakeholders.none')}</p>
        ) : (
          <div className="reg-table" role="region" aria-labelledby="register" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('stakeholders.organisation')}</th>
                  <th scope="col">{t('stakeholders.kind')}</th>
                  <th scope="col">{t('stakeholders.region')}</th>
                  <th scope="col">{t('stakeholders.ways')}</th>
                  <th scope="col" className="num">{t('stakeholders.seats')}</th>
                </tr>
              </thead>
              <tbody>
                {commission.stakeholderRegister.map((row) => (
                  <tr key={row.organisation.id}>
                    <th scope="row">
                      <Link to="/organisations/$organisationId" params={{ organisationId: row.organisation.id }}>
                        {row.organisation.name}
                      </Link>
                    </th>
                    <td>{label('OrganisationKind', row.organisation.kind)}</td>
                    <td>{row.organisation.region ?? ''}</td>
                    <td>{row.ways.map((w) => label('StakeholderWay', w)).join(', ')}</td>
                    <td className="num">{row.seats}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p>
          <a href={`/commissions/${commissionId}/stakeholders.csv`} download>
            {t('stakeholders.csv')}
          </a>
        </p>
      </section>

      <section aria-labelledby="coverage">
        <h2 id="coverage">{t('stakeholders.coverage')}</h2>
        <h3 id="kinds">{t('stakeholders.kinds')}</h3>
        <p>{t('stakeholders.missingKinds', { count: coverage.missingKinds.length, list: list(coverage.missingKinds.map((k) => label('OrganisationKind', k))) })}</p>
        <div className="reg-table" role="region" aria-labelledby="kinds" tabIndex={0}>
          <table data-testid="kinds-table">
            <thead>
              <tr>
                <th scope="col">{t('stakeholders.kind')}</th>
                <th scope="col" className="num">{t('stakeholders.organisations')}</th>
                <th scope="col" className="num">{t('stakeholders.seats')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.kinds.map((k) => (
                <tr key={k.kind}>
                  <th scope="row">
                    {label('OrganisationKind', k.kind)}
                    {k.organisations === 0 && <span className="reg-missing"> ({t('stakeholders.missing')})</span>}
                  </th>
                  <td className="num">{k.organisations}</td>
                  <td className="num">{k.seats}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <figure>
          <BarChart label={t('stakeholders.kindsChart')} rows={coverage.kinds.map((k) => ({ key: k.kind, name: label('OrganisationKind', k.kind), value: k.organisations, missing: k.organisations === 0 }))} />
          <figcaption className="secondary">
            {t('stakeholders.kindsChart')}. {t('stakeholders.chartNote')}
          </figcaption>
        </figure>

        <h3 id="regions">{t('stakeholders.regions')}</h3>
        <form
          className="reg-inline"
          onSubmit={(event) => {
            event.preventDefault();
            setCountry(String(new FormData(event.currentTarget).get('coverage-country')));
          }}
        >
          <label htmlFor="coverage-country">{t('stakeholders.country')}</label>
          <select id="coverage-country" name="coverage-country" defaultValue={coverage.country} style={{ width: 'auto' }}>
            {['SE', 'DK'].map((c) => (
              <option key={c} value={c}>
                {countryName(c)}
              </option>
            ))}
          </select>
          <button type="submit" className="secondary-button">
            {t('stakeholders.show')}
          </button>
        </form>
        <p>{t('stakeholders.missingRegions', { count: coverage.missingRegions.length, list: list(coverage.missingRegions) })}</p>
        <div className="reg-table" role="region" aria-labelledby="regions" tabIndex={0}>
          <table data-testid="regions-table">
            <thead>
              <tr>
                <th scope="col">{t('stakeholders.region')}</th>
                <th scope="col" className="num">{t('stakeholders.organisations')}</th>
                <th scope="col" className="num">{t('stakeholders.seats')}</th>
              </tr>
            </thead>
            <tbody>
              {coverage.regions.map((r) => (
                <tr key={r.region.code}>
                  <th scope="row">
                    {r.region.name}
                    {r.organisations === 0 && <span className="reg-missing"> ({t('stakeholders.missing')})</span>}
                  </th>
                  <td className="num">{r.organisations}</td>
                  <td className="num">{r.seats}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <figure>
          <BarChart label={t('stakeholders.regionsChart')} rows={coverage.regions.map((r) => ({ key: r.region.code, name: r.region.name, value: r.organisations, missing: r.organisations === 0 }))} />
          <figcaption className="secondary">
            {t('stakeholders.regionsChart')}. {t('stakeholders.chartNote')}
          </figcaption>
        </figure>
      </section>

      <section aria-labelledby="engagements">
        <h2 id="engagements">{t('stakeholders.engagements')}</h2>
        {commission.stakeholderEngagements.length === 0 ? (
          <p>{t('stakeholders.noEngagements')}</p>
        ) : (
          <ul className="items">
            {commission.stakeholderEngagements.map((e) => (
              <li key={e.id}>
                <strong>{e.organisation.name}</strong> · {label('EngagementKind', e.how)}
                {e.engagedOn && <> · {date(`${e.engagedOn}T12:00:00Z`)}</>}
                {e.note && <span className="secondary"> · {e.note}</span>}
              </li>
            ))}
          </ul>
        )}
        <h3 id="record">{t('stakeholders.record')}</h3>
        <ErrorSummary ref={summary} errors={errors} />
        {recorded && (
          <p role="status" className="saved">
            {t('stakeholders.recorded')}
          </p>
        )}
        <form className="stack" onSubmit={record} noValidate aria-labelledby="record">
          <OrganisationSelect id="organisationId" label={t('stakeholders.organisation')} none="–" errors={errors} />
          <label htmlFor="how">{t('stakeholders.how')}</label>
          <select defaultValue="DIALOGUE" {...field('how')}>
            {ENGAGEMENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {label('EngagementKind', k)}
              </option>
            ))}
          </select>
          {fieldError('how')}
          <label htmlFor="engagedOn">{t('stakeholders.engagedOn')}</label>
          <input type="date" {...field('engagedOn')} />
          {fieldError('engagedOn')}
          <label htmlFor="note">{t('stakeholders.note')}</label>
          <textarea {...field('note')} />
          {fieldError('note')}
          <button type="submit">{t('stakeholders.recordButton')}</button>
        </form>
      </section>
    </>
  );
}
