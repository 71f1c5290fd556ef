const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and attribute values. Every value that comes
 * from the CSV (customer ids, product names, bad cells) goes through it: a
 * report must not run a script a row smuggled in.
 *
 * @example
 * ```ts
 * import { escapeHtml } from './escapeHtml.ts';
 * escapeHtml('<b>"milk" & bread</b>');
 * //=> '&lt;b&gt;&quot;milk&quot; &amp; bread&lt;/b&gt;'
 * ```
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
