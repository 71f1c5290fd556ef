/**
 * Decodes UTF-8 bytes to a string without `TextDecoder` (core compiles
 * without DOM or Node typings and must run anywhere). ASCII runs are turned
 * into strings 8 KB at a time; malformed sequences become U+FFFD. Internal.
 *
 * @example
 * ```ts
 * decodeUtf8(Uint8Array.of(0xe4, 0xbc, 0x9a, 0xe5, 0x91, 0x98));
 * //=> '会员'
 * ```
 */
export function decodeUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  const parts: string[] = [];
  const units: number[] = [];
  const flush = (): void => {
    if (units.length > 0) {
      parts.push(String.fromCharCode(...units));
      units.length = 0;
    }
  };
  let i = start;
  while (i < end) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      let j = i + 1;
      while (j < end && (bytes[j] as number) < 0x80 && j - i < 8192) j++;
      flush();
      parts.push(String.fromCharCode(...bytes.subarray(i, j)));
      i = j;
      continue;
    }
    const need = b >= 0xf0 && b < 0xf8 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 ? 1 : -1;
    let cp = need === 3 ? b & 0x07 : need === 2 ? b & 0x0f : b & 0x1f;
    let ok = need > 0 && i + need < end;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k] as number;
      if ((c & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && ((need === 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (need === 3 && (cp < 0x10000 || cp > 0x10ffff)))) ok = false;
    if (!ok) {
      units.push(0xfffd);
      i++;
    } else {
      if (cp >= 0x10000) units.push(0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff));
      else units.push(cp);
      i += need + 1;
    }
    if (units.length >= 8192) flush();
  }
  flush();
  return parts.join('');
}
