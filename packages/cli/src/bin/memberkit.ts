// The `memberkit` executable: a thin shell around runCli so everything else is testable in-process.
import { runCli } from '../cli/runCli.ts';

process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
