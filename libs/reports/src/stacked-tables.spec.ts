import { stackTables } from './stacked-tables';

describe('stackTables', () => {
  const table = `<table>
<caption>Sammansättning</caption>
<thead><tr><th scope="col">Grupp</th><th scope="col" class="num">Platser</th><th scope="col">Ordf&ouml;rande &amp; &quot;vice&quot;</th></tr></thead>
<tbody><tr><th scope="row">Hälsodata <small>(Styrgrupp)</small></th><td class="num">5</td><td><span class="rag">Anna</span></td></tr></tbody>
<tfoot><tr><th scope="row">2</th><td class="num">9</td><td></td></tr></tfoot>
</table>`;

  it('gives every part its ARIA role and every data cell its column name, keeping the table and its caption', () => {
    const out = stackTables(table);
    expect(out).toContain('<table class="stacked" role="table">');
    expect(out).toContain('<caption>Sammansättning</caption>');
    expect(out).toContain('<thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">Grupp</th><th scope="col" class="num" role="columnheader">Platser</th>');
    expect(out).toContain('<tbody role="rowgroup"><tr role="row"><th scope="row" role="rowheader">Hälsodata <small>(Styrgrupp)</small></th><td class="num" role="cell" data-label="Platser">5</td>');
    // The header's text is escaped HTML already; markup inside a header is dropped from the label.
    expect(out).toContain('<td role="cell" data-label="Ordf&ouml;rande &amp; &quot;vice&quot;"><span class="rag">Anna</span></td>');
    expect(out).toContain('<tfoot role="rowgroup"><tr role="row"><th scope="row" role="rowheader">2</th><td class="num" role="cell" data-label="Platser">9</td>');
  });

  it('keeps a table\'s own class and attributes, and leaves a table without a header row as it was', () => {
    expect(stackTables(`<table class="x" aria-labelledby="h"><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>`)).toBe(
      `<table class="x stacked" role="table" aria-labelledby="h"><thead role="rowgroup"><tr role="row"><th scope="col" role="columnheader">A</th></tr></thead><tbody role="rowgroup"><tr role="row"><td role="cell" data-label="A">1</td></tr></tbody></table>`,
    );
    const bare = '<table><tbody><tr><td>1</td></tr></tbody></table>';
    expect(stackTables(bare)).toBe(bare);
  });
});
