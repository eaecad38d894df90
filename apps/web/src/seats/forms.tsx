import { useEffect, useRef, useState, type ReactNode } from 'react';
import { RequestFailed, request } from '../core/client';
import { FieldProblem, described, labelInPage, withLabel, type FieldError } from '../core/form';
import { useI18n } from '../core/i18n';
import { SearchOrganisations, SearchPeople } from './allocation-page.operations';

/**
 * A refused request as errors at the form's fields: each field the API names
 * (`details.fields`, e.g. `seatCount`) becomes `<prefix>-<field>`, the id of its
 * input; an error naming no field goes to `fallback`. The code is kept, so a
 * CONFLICT can say what to do next.
 */
export function fieldErrorsOf(error: unknown, prefix: string, fallback: string, offline: string): (FieldError & { code: string })[] {
  const failed = error instanceof RequestFailed ? error : new RequestFailed('other');
  if (failed.kind === 'unauthenticated') window.location.assign(`/sign-in?next=${encodeURIComponent(window.location.pathname)}`);
  if (failed.kind === 'network') return [{ field: fallback, message: offline, code: 'NETWORK' }];
  if (failed.errors.length === 0) return [{ field: fallback, message: failed.message, code: failed.kind }];
  return failed.errors.flatMap((e) => {
    const fields = (e.fields ?? []).map((f) => ({ path: f, id: `${prefix}-${f.split('.')[0]}` })).filter(({ id }) => document.getElementById(id));
    // The sentence names the field by its label, as the reader sees it, not by the API's name.
    return fields.length ? fields.map(({ path, id }) => ({ field: id, message: withLabel(e.message, path, labelInPage(id)), code: e.code })) : [{ field: fallback, message: e.message, code: e.code }];
  });
}

/** Runs a form's request, keeping its errors; focuses the summary when refused. */
export function useFormState() {
  const [errors, setErrors] = useState<(FieldError & { code: string })[]>([]);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  return {
    errors,
    busy,
    summary,
    async run(prefix: string, fallback: string, offline: string, action: () => Promise<void>): Promise<boolean> {
      setBusy(true);
      try {
        await action();
        setErrors([]);
        return true;
      } catch (error) {
        setErrors(fieldErrorsOf(error, prefix, fallback, offline));
        requestAnimationFrame(() => summary.current?.focus());
        return false;
      } finally {
        setBusy(false);
      }
    },
    setErrors,
  };
}

/**
 * A register search and a drop-down of what it found: organisations or people.
 * The drop-down is a plain <select> (keyboard and screen readers know it); typing in
 * the search narrows it. The chosen id is sent as the form field `name`.
 */
export function Picker({
  id,
  label,
  kind,
  optional,
  errors,
  onPick,
}: {
  id: string;
  label: string;
  kind: 'organisation' | 'person';
  optional?: string;
  errors: FieldError[];
  onPick?(id: string, name: string): void;
}) {
  const { t } = useI18n();
  const [search, setSearch] = useState('');
  const [options, setOptions] = useState<{ id: string; name: string }[]>([]);
  const [value, setValue] = useState('');
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      const text = search.trim() || undefined;
      const found =
        kind === 'organisation'
          ? request(SearchOrganisations, { search: text }).then((d) => d.organisations.edges.map((e) => ({ id: e.node.id, name: e.node.name })))
          : request(SearchPeople, { search: text }).then((d) => d.people.edges.map((e) => ({ id: e.node.id, name: e.node.email ? `${e.node.displayName} <${e.node.email}>` : e.node.displayName })));
      found.then(
        (list) => {
          if (!live) return;
          setOptions(list);
          setLoaded(true);
          // The first match is chosen when the search changed and nothing optional stands first.
          if (!optional && list.length && !list.some((o) => o.id === value)) {
            setValue(list[0].id);
            onPick?.(list[0].id, list[0].name);
          }
        },
        () => live && setLoaded(true),
      );
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search, kind]);
  return (
    <div className="picker">
      <label htmlFor={`${id}-search`}>{t('seats.searchIn', { field: label })}</label>
      <input id={`${id}-search`} type="search" value={search} onChange={(e) => setSearch(e.target.value)} autoComplete="off" />
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={id}
        value={value}
        onChange={(e) => {
          setValue(e.target.value);
          onPick?.(e.target.value, e.target.selectedOptions[0]?.text ?? '');
        }}
        {...described(id, errors)}
        data-loaded={loaded ? 'true' : undefined}
      >
        {optional !== undefined && <option value="">{optional}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
      <FieldProblem id={id} errors={errors} />
    </div>
  );
}

export function Panel({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="panel">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/**
 * A table that may be wider than a phone: it scrolls inside this region, not the
 * page (no horizontal page scroll at 390 px); the region is named and focusable so
 * a keyboard can scroll it (WCAG 2.1.1).
 */
export function ScrollTable({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
