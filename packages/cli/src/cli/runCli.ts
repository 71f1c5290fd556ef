import { parseArgs } from 'node:util';
import { MemberkitError, isMemberkitError } from '@memberkit/core';
import packageJson from '../../package.json' with { type: 'json' };
import { HELP_TEXT } from './helpText.ts';
import { REPORT_ARG_SPEC } from './reportOptions.ts';
import { reportCommand } from './reportCommand.ts';
import type { CliIo } from './cliIo.ts';

/**
 * Process exit codes, in the BSD sysexits spirit: 1 bad input, 2 usage, 70 internal.
 *
 * @example
 * ```ts
 * import { EXIT_CODES } from '@memberkit/cli';
 * EXIT_CODES.usage;
 * //=> 2
 * ```
 */
export const EXIT_CODES = { ok: 0, input: 1, usage: 2, internal: 70 } as const;

function usageError(message: string): MemberkitError {
  return new MemberkitError('invalid_input', `${message} (see memberkit --help)`, { field: 'argv' });
}

/**
 * Runs the `memberkit` command line and returns the exit code instead of
 * exiting, so it can be tested in-process. Errors are printed as one line
 * `error [code]: message` — never a stack trace — unless `MEMBERKIT_DEBUG` is
 * set.
 *
 * @example
 * ```ts
 * import { runCli } from '@memberkit/cli';
 * process.exitCode = await runCli(['report', 'orders.csv', '--out', 'report.html'], { stdout: process.stdout, stderr: process.stderr });
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout.write(HELP_TEXT);
      return command === undefined ? EXIT_CODES.usage : EXIT_CODES.ok;
    }
    if (command === '--version' || command === '-v') {
      io.stdout.write(`${packageJson.version}\n`);
      return EXIT_CODES.ok;
    }
    if (command !== 'report') throw usageError(`unknown command "${command}"`);
    let parsed: ReturnType<typeof parseArgs<{ options: typeof REPORT_ARG_SPEC; allowPositionals: true; args: string[] }>>;
    try {
      parsed = parseArgs({ args: rest, options: REPORT_ARG_SPEC, allowPositionals: true, strict: true });
    } catch (error) {
      throw usageError((error as Error).message);
    }
    if (parsed.values.help === true) {
      io.stdout.write(HELP_TEXT);
      return EXIT_CODES.ok;
    }
    if (parsed.positionals.length !== 1) throw usageError(parsed.positionals.length === 0 ? 'missing the CSV file: memberkit report <orders.csv>' : `expected one CSV file, got ${parsed.positionals.length}`);
    await reportCommand({ ...parsed.values, file: parsed.positionals[0] }, io);
    return EXIT_CODES.ok;
  } catch (error) {
    if (process.env['MEMBERKIT_DEBUG'] !== undefined) io.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
    if (isMemberkitError(error)) {
      io.stderr.write(`error [${error.code}]: ${error.message}\n`);
      return error.field === 'argv' || (error.code === 'invalid_input' && error.message.includes('command line')) ? EXIT_CODES.usage : EXIT_CODES.input;
    }
    io.stderr.write(`internal error: ${(error as Error).message ?? String(error)}\nPlease report it with MEMBERKIT_DEBUG=1 output.\n`);
    return EXIT_CODES.internal;
  }
}
