import { useI18n } from '../core/i18n';

interface Balance {
  women: number;
  men: number;
  other: number;
  notStated: number;
  shareWomen: number | null;
}

const PARTS = ['women', 'men', 'other', 'notStated'] as const;

/**
 * The gender balance of the sitting principals as one stacked bar, and the same
 * figures as a table (the picture is hidden from screen readers: the table is what
 * they read). Colours have 3:1 contrast on white; each part is also named in the
 * legend with its figure, so nothing depends on colour alone.
 */
export function BalanceChart({ balance, caption }: { balance: Balance; caption: string }) {
  const { t } = useI18n();
  const total = PARTS.reduce((n, p) => n + balance[p], 0);
  let x = 0;
  return (
    <figure className="chart">
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" className="bar" aria-hidden="true" focusable="false">
        <rect x="0" y="0" width="100" height="8" className="bar-empty" />
        {total > 0 &&
          PARTS.map((p) => {
            const w = (balance[p] / total) * 100;
            const rect = <rect key={p} x={x} y="0" width={w} height="8" className={`part-${p}`} />;
            x += w;
            return rect;
          })}
      </svg>
      <ul className="legend" aria-hidden="true">
        {PARTS.map((p) => (
          <li key={p}>
            <span className={`swatch part-${p}`} /> {t(`seats.${p}`)}: {balance[p]}
          </li>
        ))}
      </ul>
      <figcaption>
        <table className="data">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {PARTS.map((p) => (
                <th key={p} scope="col">
                  {t(`seats.${p}`)}
                </th>
              ))}
              <th scope="col">{t('seats.shareWomen')}</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              {PARTS.map((p) => (
                <td key={p}>{balance[p]}</td>
              ))}
              <td>{balance.shareWomen === null ? '–' : `${Math.round(balance.shareWomen * 100)} %`}</td>
            </tr>
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}

export interface PairLine {
  id: string;
  name: string;
  seats: number;
  required: boolean;
  women: number;
  men: number;
  nominated: boolean;
  complies: boolean;
  reason: string | null;
}

/**
 * The § 9 pair rule per allocation: a stacked bar of the women and men proposed in
 * the latest nomination, with a mark where the rule is met (as many women and as many
 * men as seats), and the same figures as a table.
 */
export function PairRuleChart({ lines }: { lines: PairLine[] }) {
  const { t } = useI18n();
  const scale = Math.max(2, ...lines.map((l) => Math.max(l.women + l.men, 2 * l.seats)));
  const verdict = (l: PairLine) => (!l.required ? t('seats.notRequired') : !l.nominated ? t('seats.notNominated') : l.complies ? (l.reason ? t('seats.reasonGiven') : t('seats.met')) : t('seats.notMet'));
  return (
    <figure className="chart">
      <ul className="pair-bars" aria-hidden="true">
        {lines.map((l) => (
          <li key={l.id}>
            <span className="pair-name">{l.name}</span>
            <svg viewBox={`0 0 ${scale} 4`} preserveAspectRatio="none" className="bar" focusable="false">
              <rect x="0" y="0" width={scale} height="4" className="bar-empty" />
              <rect x="0" y="0" width={l.women} height="4" className="part-women" />
              <rect x={l.women} y="0" width={l.men} height="4" className="part-men" />
              {l.required && <rect x={Math.max(0, 2 * l.seats - scale / 200)} y="0" width={scale / 100} height="4" className="pair-mark" />}
            </svg>
            <span className="pair-figures">
              {t('seats.pairFigures', { women: l.women, men: l.men, seats: l.seats })} · {verdict(l)}
            </span>
          </li>
        ))}
      </ul>
      <ul className="legend" aria-hidden="true">
        <li>
          <span className="swatch part-women" /> {t('seats.womenProposed')}
        </li>
        <li>
          <span className="swatch part-men" /> {t('seats.menProposed')}
        </li>
        <li>
          <span className="swatch pair-mark" /> {t('seats.pairMark')}
        </li>
      </ul>
      <figcaption>
        <div className="table-scroll">
          <table className="data">
            <caption>{t('seats.pairCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('seats.organisation')}</th>
                <th scope="col">{t('seats.seats')}</th>
                <th scope="col">{t('seats.womenProposed')}</th>
                <th scope="col">{t('seats.menProposed')}</th>
                <th scope="col">{t('seats.pairRuleMet')}</th>
                <th scope="col">{t('seats.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.id}>
                  <th scope="row">{l.name}</th>
                  <td>{l.seats}</td>
                  <td>{l.women}</td>
                  <td>{l.men}</td>
                  <td>{verdict(l)}</td>
                  <td>{l.reason ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </figcaption>
    </figure>
  );
}
