// Public API of @memberkit/cli: the pieces behind `memberkit report`, for
// programs that want the report without the command line.

// command line
export { runCli, EXIT_CODES } from './cli/runCli.ts';
export type { CliIo, CliStream } from './cli/cliIo.ts';

// CSV reading
export { readOrdersCsv, type ReadOrdersOptions } from './csv/readOrdersCsv.ts';
export { resolveColumns, type ColumnMapping, type OrderField, type ResolvedColumns } from './csv/columnMapping.ts';
export type { OrderTable } from './csv/orderTable.ts';
export type { BadRow, BadRowKind } from './csv/badRow.ts';
export { parseOrderDate } from './csv/parseOrderDate.ts';
export { parseAmount, type AmountUnit } from './csv/parseAmount.ts';

// report
export { computeReportData, type ReportDataOptions } from './report/computeReportData.ts';
export { renderReportHtml } from './report/renderReportHtml.ts';
export type { ReportData, Section } from './report/reportData.ts';
export type { ReportLang } from './report/reportLabels.ts';

// progress
export { createProgressBar, type ProgressBar, type ProgressStream } from './progress/progressBar.ts';
