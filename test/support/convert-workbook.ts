/**
 * Converts a workbook in a process of its own and prints what it cost, as JSON: the memory test
 * measures the reader, not the garbage the test process made writing the workbook.
 * Usage: node --import tsx test/support/convert-workbook.ts WORKBOOK TARGET_CSV
 */
import { convertXlsx } from '../../src/import/xlsx-source.ts';

const [workbook, target] = process.argv.slice(2);
if (!workbook || !target) throw new Error('usage: convert-workbook.ts WORKBOOK TARGET_CSV');
const before = process.memoryUsage().rss;
let peak = before;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
const started = performance.now();
const sheets = await convertXlsx(workbook, target, { maxRows: 5_000_000, maxBytes: 2 ** 30 });
clearInterval(sampler);
process.stdout.write(
  JSON.stringify({ sheets, seconds: (performance.now() - started) / 1000, rssBeforeMb: before / 2 ** 20, rssGrowthMb: (peak - before) / 2 ** 20 }),
);
