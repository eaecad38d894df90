import { Link } from '@tanstack/react-router';
import { useRef, useState, type FormEvent } from 'react';
import { request } from '../core/client';
import { ErrorSummary, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { Failed, Heading, Loading } from '../core/page';
import { useQuery } from '../core/use-query';
import { fieldErrors } from '../people/register-form';
import { COUNTRIES, OrganisationFields, organisationInput } from './organisation-fields';
import { CreateOrganisation, OrganisationsPage as OrganisationsQuery } from './organisations-page.operations';
import './register.css';

type Kind = 'AGENCY';

/** The organisations register: search by name and country, add one with its region from the list. */
export function OrganisationsPage() {
  const { t, locale } = useI18n();
  const params = new URLSearchParams(window.location.search);
  const [filter, setFilter] = useState({ search: params.get('q') ?? '', country: params.get('country') ?? '' });
  const query = useQuery(OrganisationsQuery, { search: filter.search || null, country: filter.country || null, after: null });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  if (query.status === 'loading') return <Loading />;
  if (query.status === 'failed') return <Failed error={query.error} retry={query.reload} />;
  const { organisations, regions, enumLabels } = query.data;
  const label = (kind: string) => enumLabels.find((l) => l.value === kind)?.label ?? kind;
  const regionName = new Intl.DisplayNames([locale], { type: 'region' });

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const next = { search: String(form.get('q') ?? '').trim(), country: String(form.get('filter-country') ?? '') };
    const qs = new URLSearchParams(Object.entries({ q: next.search, country: next.country }).filter(([, v]) => v));
    window.history.replaceState(null, '', `/organisations${qs.size ? `?${qs}` : ''}`);
    setFilter(next);
  }

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = organisationInput(new FormData(event.currentTarget));
    setAdded(null);
    const found: FieldError[] = [];
    if (!input.name) found.push({ field: 'name', message: t('organisations.nameRequired') });
    if (found.length === 0) {
      try {
        const created = await request(CreateOrganisation, { input: { ...input, kind: input.kind as Kind } });
        setAdded({ id: created.createOrganisation.id, name: input.name });
        setFormKey((k) => k + 1);
        query.reload();
      } catch (error) {
        found.push(...fieldErrors(error, 'name', t));
      }
    }
    setErrors(found);
    if (found.length) requestAnimationFrame(() => summary.current?.focus());
  }

  return (
    <>
      <Heading>{t('organisations.title')}</Heading>
      <form role="search" onSubmit={find} className="reg-filters">
        <div>
          <label htmlFor="q">{t('organisations.search')}</label>
          <input id="q" name="q" type="search" defaultValue={filter.search} />
        </div>
        <div>
          <label htmlFor="filter-country">{t('organisations.country')}</label>
          <select id="filter-country" name="filter-country" defaultValue={filter.country}>
            <option value="">{t('organisations.anyCountry')}</option>
            {COUNTRIES.map((c) => (
              <option key={c} value={c}>
                {regionName.of(c)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('organisations.searchButton')}</button>
        </div>
      </form>
      <h2 id="results">{t('organisations.results', { count: organisations.totalCount })}</h2>
      {organisations.edges.length > 0 && (
        <div className="reg-table" role="region" aria-labelledby="results" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('organisations.name')}</th>
                <th scope="col">{t('organisations.kind')}</th>
                <th scope="col">{t('organisations.country')}</th>
                <th scope="col">{t('organisations.region')}</th>
              </tr>
            </thead>
            <tbody>
              {organisations.edges.map(({ node }) => (
                <tr key={node.id}>
                  <th scope="row">
                    <Link to="/organisations/$organisationId" params={{ organisationId: node.id }}>
                      {node.name}
                    </Link>
                  </th>
                  <td>{label(node.kind)}</td>
                  <td>{regionName.of(node.country) ?? node.country}</td>
                  <td>{node.region ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <section aria-labelledby="add">
        <h2 id="add">{t('organisations.add')}</h2>
        <ErrorSummary ref={summary} errors={errors} />
        {added && (
          <p role="status" className="saved">
            {t('organisations.added', { name: added.name })}{' '}
            <Link to="/organisations/$organisationId" params={{ organisationId: added.id }}>
              {t('organisations.open', { name: added.name })}
            </Link>
          </p>
        )}
        <form className="stack" onSubmit={add} noValidate key={formKey}>
          <OrganisationFields regions={regions} kinds={enumLabels} errors={errors} />
          <button type="submit">{t('organisations.addButton')}</button>
        </form>
      </section>
    </>
  );
}
