/**
 * The UTF-8 byte length of a string, without `TextEncoder` (older
 * mini-program runtimes lack it). Lone surrogates count as 3 bytes, as the
 * encoder would replace them.
 *
 * @example
 * ```ts
 * import { utf8Length } from '@memberkit/tracker';
 * utf8Length('奶粉 a');
 * //=> 8
 * ```
 */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}
