/**
 * A writable the CLI prints to (process.stdout/stderr, or a buffer in tests).
 *
 * @example
 * ```ts
 * import type { CliStream } from '@memberkit/cli';
 * let captured = '';
 * const buffer: CliStream = { write: (text) => (captured += text) };
 * ```
 */
export interface CliStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

/**
 * What the CLI talks to, injected so tests run it in-process and capture its output.
 *
 * @example
 * ```ts
 * import type { CliIo } from '@memberkit/cli';
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr };
 * ```
 */
export interface CliIo {
  readonly stdout: CliStream;
  readonly stderr: CliStream;
  /** Fixed "generated at" text for reproducible reports (tests, docs). */
  readonly generatedAt?: string;
}
