import type { Section } from '../reportData.ts';
import type { ReportLabels } from '../reportLabels.ts';
import { escapeHtml } from './escapeHtml.ts';

/**
 * A report section's frame: title, a one-paragraph "what this means for
 * you", then the body, or a "not available" note with the reason when the
 * section could not be computed.
 *
 * @example
 * ```ts
 * import { sectionShell } from './sectionShell.ts';
 * import { reportLabels } from '../reportLabels.ts';
 * const html = sectionShell({ id: 'rules', title: 'Bought together', what: '...' }, { ok: false, reason: 'no product column' }, reportLabels('en'), () => '');
 * html.includes('<div class="mk-unavailable">Not available: no product column</div>');
 * //=> true
 * ```
 */
export function sectionShell<T>(
  head: { id: string; title: string; what: string },
  section: Section<T>,
  labels: ReportLabels,
  body: (data: T) => string,
): string {
  const inner = section.ok ? body(section.data) : `<div class="mk-unavailable">${escapeHtml(labels.unavailable)}: ${escapeHtml(section.reason)}</div>`;
  return `<section class="mk-section" id="${head.id}" aria-labelledby="${head.id}-title">
<h2 id="${head.id}-title">${escapeHtml(head.title)}</h2>
<p class="mk-what">${escapeHtml(head.what)}</p>
${inner}
</section>`;
}
