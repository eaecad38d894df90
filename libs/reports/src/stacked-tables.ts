/**
 * The report page's tables on a phone (issue 19: the 13-column composition table
 * pushed a 390 px page to 1,293 px). Below {@link STACK_BELOW} each row stacks:
 * its row header first, then each cell led by its column's name (`data-label`).
 * `display: block` would drop the table from the accessibility tree in some
 * browsers, so every part also carries its ARIA role (table, rowgroup, row,
 * columnheader, rowheader, cell): a screen reader still reads a table.
 *
 * Works on the report renderer's own markup (report-page.ts, section-pages.ts):
 * one header row of `<th scope="col">` in a `<thead>`, cells in column order, no
 * colspan, no nested tables. The header texts are already escaped HTML, so they
 * go into the attribute as they are.
 */
export const STACK_BELOW = '40em';

export const STACKED_TABLE_CSS = `
@media (max-width: ${STACK_BELOW}) {
  table.stacked caption { display: block; }
  table.stacked thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  table.stacked, table.stacked tbody, table.stacked tfoot, table.stacked tr, table.stacked th, table.stacked td { display: block; width: auto; }
  table.stacked tr { border: 1px solid #d0d7de; border-bottom: 0; padding: .4em .6em; }
  table.stacked tbody tr:last-child, table.stacked tfoot tr:last-child { border-bottom: 1px solid #d0d7de; }
  table.stacked th, table.stacked td { border: 0; padding: .1em 0; text-align: left; }
  table.stacked td:empty { display: none; }
  table.stacked [data-label]::before { content: attr(data-label) ": "; content: attr(data-label) ": " / ""; font-weight: 600; }
}`;

const TABLE = /<table\b([^>]*)>([\s\S]*?)<\/table>/g;
const CELL = /<(th|td)(?=[\s>])([^>]*)>/g;

export function stackTables(markup: string): string {
  return markup.replace(TABLE, (whole, attributes: string, inner: string) => {
    const head = /<thead>([\s\S]*?)<\/thead>/.exec(inner);
    if (!head) return whole;
    const labels = [...head[1].matchAll(/<th(?=[\s>])[^>]*>([\s\S]*?)<\/th>/g)].map((m) => m[1].replace(/<[^>]*>/g, '').trim());
    const rows = inner
      .replace(/<(thead|tbody|tfoot)>/g, '<$1 role="rowgroup">')
      .replace(/<tr>([\s\S]*?)<\/tr>/g, (_row, cells: string) => {
        let column = 0;
        const marked = cells.replace(CELL, (_cell, tag: string, attrs: string) => {
          const index = column++;
          const role = /scope="col"/.test(attrs) ? 'columnheader' : /scope="row"/.test(attrs) ? 'rowheader' : 'cell';
          const label = role === 'cell' && labels[index] ? ` data-label="${labels[index]}"` : '';
          return `<${tag}${attrs} role="${role}"${label}>`;
        });
        return `<tr role="row">${marked}</tr>`;
      });
    const classes = /\bclass="([^"]*)"/.exec(attributes);
    const rest = attributes.replace(/\s*\bclass="[^"]*"/, '');
    return `<table class="${classes ? `${classes[1]} ` : ''}stacked" role="table"${rest}>${rows}</table>`;
  });
}
