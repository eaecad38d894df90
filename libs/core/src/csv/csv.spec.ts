import { csvCell, csvDocument, csvRow } from './csv';

describe('csv', () => {
  it.each([
    ['=HYPERLINK("http://evil")', `"'=HYPERLINK(""http://evil"")"`],
    ['+1+2', "'+1+2"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1', "'\t=1"],
    ['\r=1', `"'\r=1"`],
    ['=cmd|\' /C calc\'!A0', "'=cmd|' /C calc'!A0"],
  ])('neutralises a formula: %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('quotes per RFC 4180 and leaves plain text and numbers alone', () => {
    expect(csvCell('Region Skåne')).toBe('Region Skåne');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes records with CRLF and a byte order mark', () => {
    expect(csvRow(['a', 1, null])).toBe('a,1,');
    expect(csvDocument([['h1', 'h2'], ['=x', 'y']])).toBe("\ufeffh1,h2\r\n'=x,y\r\n");
  });

  it('separates with ; for Nordic Excel, quoting a cell that holds one (and no longer one with a comma)', () => {
    expect(csvDocument([['Plads', 'Organisation'], [1, 'Region Sjælland; Roskilde'], [2, 'a,b']], { separator: ';' })).toBe('\ufeffPlads;Organisation\r\n1;"Region Sjælland; Roskilde"\r\n2;a,b\r\n');
    expect(csvCell('a;b')).toBe('a;b');
  });
});
