import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvTokenizer } from './csvTokenizer.ts';

function tokenize(text: string, chunk = Infinity, delimiter = ',') {
  const rows: [string[], number][] = [];
  const errors: [string, number][] = [];
  const t = new CsvTokenizer(delimiter, (f, line) => rows.push([f, line]), (m, line) => errors.push([m, line]));
  for (let i = 0; i < text.length; i += chunk) t.feed(text.slice(i, i + chunk));
  t.end();
  return { rows, errors };
}

describe('CsvTokenizer', () => {
  it('splits plain and quoted fields with exact start lines', () => {
    const { rows, errors } = tokenize('\uFEFFa,b,c\r\n\n1,"x, ""y""",3\n2,"multi\nline",4\n5,,\n');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      [['a', 'b', 'c'], 1],
      [['1', 'x, "y"', '3'], 3],
      [['2', 'multi\nline', '4'], 4],
      [['5', '', ''], 6],
    ]);
  });

  it('reports broken quoting by line and goes on', () => {
    const { rows, errors } = tokenize('a,b\n"x"y,1\nc,d\n"open,2\n');
    expect(rows).toEqual([
      [['a', 'b'], 1],
      [['c', 'd'], 3],
    ]);
    expect(errors).toEqual([
      ['unexpected text after a closing quote', 2],
      ['quote not closed before the end of the file', 4],
    ]);
  });

  it('supports multi-character and tab delimiters and a last line without newline', () => {
    expect(tokenize('a\tb\n1\t2', Infinity, '\t').rows).toEqual([
      [['a', 'b'], 1],
      [['1', '2'], 2],
    ]);
    expect(tokenize('a||b\n"1||x"||2\n', Infinity, '||').rows).toEqual([
      [['a', 'b'], 1],
      [['1||x', '2'], 2],
    ]);
  });

  it('gives the same records and lines however the text is chunked', () => {
    const field = fc.oneof(fc.stringMatching(/^[a-z0-9 ]{0,6}$/), fc.string({ maxLength: 6 }).map((s) => `"${s.replaceAll('"', '""')}"`));
    const record = fc.array(field, { minLength: 1, maxLength: 4 }).map((fs) => fs.join(','));
    fc.assert(
      fc.property(fc.array(record, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 7 }), (records, chunk) => {
        const text = `${records.join('\n')}\n`;
        expect(tokenize(text, chunk)).toEqual(tokenize(text));
      }),
    );
  });
});
