import { useEffect, useId, useState } from 'react';
import { request } from './client';
import { FieldProblem, described, type FieldError } from './form';
import { useI18n } from './i18n';
import { SearchOrganisations, SearchPeople } from './pickers.operations';

/** One thing chosen from the register: its id and the name the page shows. */
export interface Choice {
  id: string;
  label: string;
}

export type PickKind = 'organisation' | 'person';

async function search(kind: PickKind, text: string): Promise<(Choice & { name: string })[]> {
  if (kind === 'organisation') {
    const data = await request(SearchOrganisations, { search: text });
    return data.organisations.edges.map(({ node }) => ({ id: node.id, name: node.name, label: node.shortName ? `${node.name} (${node.shortName})` : node.name }));
  }
  const data = await request(SearchPeople, { search: text });
  return data.people.edges.map(({ node }) => ({ id: node.id, name: node.fullName, label: node.email ? `${node.fullName} (${node.email})` : node.fullName }));
}

/** The option the typed text names: its whole label, or the name of exactly one option. */
function matchOf(text: string, options: (Choice & { name: string })[]): Choice | null {
  const wanted = text.trim().toLocaleLowerCase();
  if (!wanted) return null;
  const exact = options.find((o) => o.label.toLocaleLowerCase() === wanted);
  if (exact) return exact;
  const byName = options.filter((o) => o.name.toLocaleLowerCase() === wanted);
  return byName.length === 1 ? byName[0] : null;
}

/**
 * A text field that searches the register as one types and offers the matches
 * (a native datalist: announced and keyboard-usable without scripts of our own);
 * the typed text chooses when it names one match. What is chosen is said below
 * the field, so nobody sends a name that matched nothing.
 */
export function Picker({
  id,
  label,
  kind,
  value,
  onChange,
  errors,
  hint,
}: {
  id: string;
  label: string;
  kind: PickKind;
  value: Choice | null;
  onChange(choice: Choice | null): void;
  errors: FieldError[];
  hint?: string;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value?.label ?? '');
  const [options, setOptions] = useState<(Choice & { name: string })[]>([]);
  const listId = useId();
  const hintId = hint ? `${id}-hint` : undefined;

  useEffect(() => {
    const wanted = text.trim();
    if (wanted.length < 2 || (value && value.label === text)) return;
    let live = true;
    const timer = setTimeout(() => {
      search(kind, wanted.replace(/ \([^)]*\)$/, '')).then(
        (found) => {
          if (!live) return;
          setOptions(found);
          const match = matchOf(text, found);
          if (match && match.id !== value?.id) onChange(match);
        },
        () => undefined,
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, kind]);

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        type="text"
        autoComplete="off"
        list={listId}
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const match = matchOf(next, options);
          if ((match?.id ?? null) !== (value?.id ?? null)) onChange(match);
        }}
        {...described(id, errors, [hintId, `${id}-chosen`].filter(Boolean).join(' '))}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.label} />
        ))}
      </datalist>
      <p id={`${id}-chosen`} className="secondary chosen" aria-live="polite">
        {value ? t('pick.chosen', { name: value.label }) : text.trim().length >= 2 ? t('pick.none') : ''}
      </p>
      <FieldProblem id={id} errors={errors} />
    </div>
  );
}

/** Several things chosen from the register (partners, commissioners): a picker, an add button, the list with remove buttons. */
export function MultiPicker({
  id,
  label,
  kind,
  value,
  onChange,
  errors,
}: {
  id: string;
  label: string;
  kind: PickKind;
  value: Choice[];
  onChange(choices: Choice[]): void;
  errors: FieldError[];
}) {
  const { t } = useI18n();
  const [current, setCurrent] = useState<Choice | null>(null);
  const [round, setRound] = useState(0);
  return (
    <fieldset id={id} className="multi" aria-describedby={errors.some((e) => e.field === id) ? `${id}-error` : undefined}>
      <legend>{label}</legend>
      {value.length > 0 && (
        <ul className="chosen-list">
          {value.map((c) => (
            <li key={c.id}>
              <span>{c.label}</span>{' '}
              <button type="button" className="link" onClick={() => onChange(value.filter((x) => x.id !== c.id))}>
                {t('pick.remove', { name: c.label })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <Picker key={round} id={`${id}-search`} label={t('pick.find')} kind={kind} value={current} onChange={setCurrent} errors={[]} />
      <button
        type="button"
        className="secondary-button"
        id={`${id}-add`}
        disabled={!current}
        onClick={() => {
          if (current && !value.some((c) => c.id === current.id)) onChange([...value, current]);
          setCurrent(null);
          setRound((n) => n + 1);
          requestAnimationFrame(() => document.getElementById(`${id}-search`)?.focus());
        }}
      >
        {t('pick.add')}
      </button>
      <FieldProblem id={id} errors={errors} />
    </fieldset>
  );
}

/**
 * An organisation chosen from the whole register (not the first hundred): a search
 * field asks the server as one types, and a plain <select> (keyboard and screen
 * readers know it) offers the matches, with the current choice kept. The chosen id
 * is the form field `id`; `none` offers "no organisation" first.
 */
export function OrganisationSelect({ id, label, initial, none, errors }: { id: string; label: string; initial?: Choice | null; none?: string; errors: FieldError[] }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Choice[]>(initial ? [initial] : []);
  const [value, setValue] = useState(initial?.id ?? '');
  const [found, setFound] = useState<number | null>(null);
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      request(SearchOrganisations, { search: text.trim() }).then(
        (data) => {
          if (!live) return;
          const list = data.organisations.edges.map(({ node }) => ({ id: node.id, label: node.shortName ? `${node.name} (${node.shortName})` : node.name }));
          const current = options.find((o) => o.id === value);
          setOptions(current && !list.some((o) => o.id === current.id) ? [current, ...list] : list);
          setFound(list.length);
          // Without a "none" option the first match is chosen when the current one is not among them.
          if (none === undefined && list.length && !current) setValue(list[0].id);
        },
        () => undefined,
      );
    }, text ? 200 : 0);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [text]);
  return (
    <div className="field">
      <label htmlFor={`${id}-search`}>{t('pick.searchIn', { field: label })}</label>
      <input id={`${id}-search`} type="search" value={text} autoComplete="off" aria-describedby={`${id}-matches`} onChange={(e) => setText(e.target.value)} />
      <p id={`${id}-matches`} className="secondary" aria-live="polite">
        {found === null ? '' : t('pick.matches', { count: found })}
      </p>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} value={value} onChange={(e) => setValue(e.target.value)} data-loaded={found === null ? undefined : 'true'} {...described(id, errors)}>
        {none !== undefined && <option value="">{none}</option>}
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldProblem id={id} errors={errors} />
    </div>
  );
}
