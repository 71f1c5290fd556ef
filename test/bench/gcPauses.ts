// Garbage-collection pauses per timed phase of a benchmark, from Node's `gc`
// performance entries. A write phase's rate on this kind of workload depends
// on which phase V8's major collections land in (the heap limits that start
// them move with everything the process holds), so the table says where they
// landed instead of leaving a slow phase unexplained.
import { constants, PerformanceObserver } from 'node:perf_hooks';

/** What the collector did while one phase ran: pauses on the main thread, by kind. */
export interface GcSummary {
  scavenges: number;
  scavengeMs: number;
  /** Major (mark-compact) collections that finished in the phase; their marking ran mostly alongside it. */
  majors: number;
  majorMs: number;
}

/**
 * Records every GC pause from `start()` on; `during(windows)` sums those that began in any of the
 * windows (`performance.now()` times). Entries arrive asynchronously, so read after the phases, once `settle()` resolved.
 *
 * @example
 * ```ts
 * const gc = new GcPauses();
 * gc.start();
 * const t0 = performance.now();
 * // … the phase …
 * const t1 = performance.now();
 * await gc.settle();
 * gc.during([{ t0, t1 }]).scavenges;
 * ```
 */
export class GcPauses {
  private readonly entries: { at: number; ms: number; major: boolean }[] = [];
  private observer: PerformanceObserver | undefined;

  start(): void {
    this.observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const kind = (e as { detail?: { kind?: number } }).detail?.kind;
        if (kind === constants.NODE_PERFORMANCE_GC_MINOR || kind === constants.NODE_PERFORMANCE_GC_MAJOR) this.entries.push({ at: e.startTime, ms: e.duration, major: kind === constants.NODE_PERFORMANCE_GC_MAJOR });
      }
    });
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Lets queued entries arrive (they are delivered on a later turn of the event loop). */
  async settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }

  during(windows: readonly { readonly t0: number; readonly t1: number }[]): GcSummary {
    const s: GcSummary = { scavenges: 0, scavengeMs: 0, majors: 0, majorMs: 0 };
    for (const e of this.entries) {
      if (!windows.some((w) => e.at >= w.t0 && e.at < w.t1)) continue;
      if (e.major) {
        s.majors++;
        s.majorMs += e.ms;
      } else {
        s.scavenges++;
        s.scavengeMs += e.ms;
      }
    }
    return s;
  }
}
