/**
 * Receives each record with the 1-based line it starts on.
 *
 * @example
 * ```ts
 * import type { CsvRecordHandler } from './csvTokenizer.ts';
 * const onRecord: CsvRecordHandler = (fields, line) => console.log(line, fields.join(' | '));
 * ```
 */
export type CsvRecordHandler = (fields: string[], line: number) => void;
/**
 * Receives a record that cannot be tokenised (bad quoting), with its start line and raw text.
 *
 * @example
 * ```ts
 * import type { CsvErrorHandler } from './csvTokenizer.ts';
 * const onError: CsvErrorHandler = (message, line, raw) => console.warn(`line ${line}: ${message}: ${raw}`);
 * ```
 */
export type CsvErrorHandler = (message: string, line: number, raw: string) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;

/**
 * A streaming RFC 4180 tokenizer that keeps line numbers exact: feed it text
 * chunks as they arrive and it calls back once per record with the line the
 * record starts on (a quoted field may span lines). Lines without a quote
 * take a fast path (`indexOf` + `split`), so plain exports parse at memory
 * speed; blank lines are skipped but counted. Broken quoting (`"abc"x`, a
 * quote never closed) is reported through `onError`, never thrown, so one
 * bad row does not lose the file.
 *
 * @example
 * ```ts
 * import { CsvTokenizer } from './csvTokenizer.ts';
 * const rows: [string[], number][] = [];
 * const t = new CsvTokenizer(',', (f, line) => rows.push([f, line]), () => {});
 * t.feed('a,b\n"x\ny",2\n');
 * t.end();
 * rows;
 * //=> [[['a', 'b'], 1], [['x\ny', '2'], 2]]
 * ```
 */
export class CsvTokenizer {
  private buffer = '';
  private line = 1;
  private started = false;

  constructor(
    private readonly delimiter: string,
    private readonly onRecord: CsvRecordHandler,
    private readonly onError: CsvErrorHandler,
  ) {}

  /** Tokenises every complete record in `text` (plus what was held back), holding back a trailing partial one. */
  feed(text: string): void {
    let buf = this.buffer + text;
    if (!this.started && buf.length > 0) {
      this.started = true;
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
    }
    this.buffer = buf.slice(this.consume(buf, false));
  }

  /** Tokenises what is left; an unterminated quoted record is reported as an error. */
  end(): void {
    const buf = this.buffer;
    this.buffer = '';
    const used = this.consume(buf, true);
    if (used < buf.length) this.onError('quote not closed before the end of the file', this.line, buf.slice(used, used + 200));
  }

  /** Returns how much of `buf` was consumed. */
  private consume(buf: string, atEnd: boolean): number {
    const d = this.delimiter;
    let pos = 0;
    const n = buf.length;
    // The next quote at or after pos (n when none): searched again only once passed,
    // so a chunk without quotes is scanned once, not once per line.
    let quote = -1;
    while (pos < n) {
      let nl = buf.indexOf('\n', pos);
      if (nl < 0) {
        if (!atEnd) return pos;
        nl = n;
      }
      if (quote < pos) {
        quote = buf.indexOf('"', pos);
        if (quote < 0) quote = n;
      }
      if (quote >= nl) {
        let end = nl;
        if (end > pos && buf.charCodeAt(end - 1) === CR) end--;
        if (end > pos) this.onRecord(buf.slice(pos, end).split(d), this.line);
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.quotedRecord(buf, pos, atEnd);
      if (next < 0) return pos;
      pos = next;
    }
    return pos;
  }

  /**
   * Tokenises one record containing quotes, starting at `start`; returns
   * the position after it, or -1 when the buffer ends inside it.
   */
  private quotedRecord(buf: string, start: number, atEnd: boolean): number {
    const d = this.delimiter;
    const fields: string[] = [];
    const startLine = this.line;
    let lines = 0;
    let i = start;
    const n = buf.length;
    for (;;) {
      // One field starting at i.
      if (buf.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = buf.indexOf('"', from);
          if (q < 0) return atEnd ? -1 : -1;
          value += buf.slice(from, q);
          if (buf.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
            continue;
          }
          if (q + 1 >= n && !atEnd) return -1;
          i = q + 1;
          break;
        }
        for (let k = value.indexOf('\n'); k >= 0; k = value.indexOf('\n', k + 1)) lines++;
        fields.push(value);
      } else {
        let j = i;
        while (j < n && !buf.startsWith(d, j) && buf.charCodeAt(j) !== LF) j++;
        if (j >= n && !atEnd) return -1;
        let end = j;
        if (j < n && buf.charCodeAt(j) === LF && end > i && buf.charCodeAt(end - 1) === CR) end--;
        fields.push(buf.slice(i, end));
        i = j;
      }
      // After a field: a delimiter, the end of the line, or garbage.
      if (i >= n) {
        this.onRecord(fields, startLine);
        this.line += lines + 1;
        return n;
      }
      if (buf.startsWith(d, i)) {
        i += d.length;
        continue;
      }
      const c = buf.charCodeAt(i);
      if (c === LF || (c === CR && buf.charCodeAt(i + 1) === LF)) {
        this.onRecord(fields, startLine);
        this.line += lines + 1;
        return i + (c === CR ? 2 : 1);
      }
      // Text after a closing quote: skip the rest of the physical line and report it.
      let nl = buf.indexOf('\n', i);
      if (nl < 0) {
        if (!atEnd) return -1;
        nl = n;
      }
      this.onError('unexpected text after a closing quote', startLine, buf.slice(start, Math.min(nl, start + 200)));
      this.line += lines + 1;
      return nl + 1;
    }
  }
}
