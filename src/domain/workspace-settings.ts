import type { Channel } from './detail-status.ts';
import { issue, ValidationError, type InputIssue } from './errors.ts';

/** The workspace settings a client may change: its limits and rules (docs/configuration.md). */
export interface WorkspaceSettings {
  customFieldLimit: number;
  importMaxBytes: number;
  importMaxRows: number;
  reviewTtlSeconds: number;
  fileRetentionDays: number;
  requireFirstName: boolean;
  requirePhoneWithCountry: boolean;
  optInChannels: Channel[];
}

type NumericSetting = 'customFieldLimit' | 'importMaxBytes' | 'importMaxRows' | 'reviewTtlSeconds' | 'fileRetentionDays';

/**
 * The range each numeric setting may take. The upper bounds keep one workspace from asking the
 * server for what it cannot give (a 100 GB upload, a review held for a year); the lower ones keep
 * the product usable (an import needs a minute to be reviewed).
 */
export const SETTING_RANGES: Readonly<Record<NumericSetting, { min: number; max: number; unit: string }>> = {
  customFieldLimit: { min: 0, max: 1000, unit: 'custom fields' },
  importMaxBytes: { min: 1024, max: 10 * 2 ** 30, unit: 'bytes' },
  importMaxRows: { min: 1, max: 10_000_000, unit: 'rows' },
  reviewTtlSeconds: { min: 60, max: 7 * 24 * 3600, unit: 'seconds' },
  fileRetentionDays: { min: 1, max: 365, unit: 'days' },
};

/**
 * The server's own ceilings on settings, set by its operator: a workspace may choose less, never
 * more, whatever SETTING_RANGES would allow.
 */
export type SettingCeilings = Readonly<Partial<Record<NumericSetting, number>>>;

/**
 * Checks a change of settings: every numeric one a whole number in its range and at most the
 * server's ceiling, channels listed once. Every problem is reported at once, by the input field's
 * name; nothing is applied unless all pass.
 */
export function parseSettingsChange(
  input: { [K in keyof WorkspaceSettings]?: WorkspaceSettings[K] | null },
  ceilings: SettingCeilings,
): Partial<WorkspaceSettings> {
  const issues: InputIssue[] = [];
  const change: Partial<WorkspaceSettings> = {};
  for (const [key, range] of Object.entries(SETTING_RANGES) as [NumericSetting, (typeof SETTING_RANGES)[NumericSetting]][]) {
    const value = input[key];
    if (value == null) continue;
    const ceiling = ceilings[key];
    if (!Number.isInteger(value) || value < range.min || value > range.max) {
      issues.push(
        issue(['input', key], 'OUT_OF_RANGE', `must be a whole number from ${range.min} to ${range.max} ${range.unit}, not ${value}`, {
          min: range.min,
          max: range.max,
        }),
      );
    } else if (ceiling !== undefined && value > ceiling) {
      issues.push(
        issue(['input', key], 'OUT_OF_RANGE', `must be at most ${ceiling} ${range.unit}, the maximum this server allows, not ${value}`, {
          min: range.min,
          max: ceiling,
        }),
      );
    } else change[key] = value;
  }
  if (input.requireFirstName != null) change.requireFirstName = input.requireFirstName;
  if (input.requirePhoneWithCountry != null) change.requirePhoneWithCountry = input.requirePhoneWithCountry;
  if (input.optInChannels != null) {
    const channels = input.optInChannels;
    if (new Set(channels).size !== channels.length) issues.push(issue(['input', 'optInChannels'], 'DUPLICATE_VALUE', 'lists a channel twice'));
    else change.optInChannels = [...channels];
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return change;
}

/**
 * A custom field limit may not be set below the number of custom fields the workspace has: the
 * fields over it would stay while no new one could be made, with nothing saying why. The user
 * deletes fields first, or chooses a limit that holds them.
 */
export function checkCustomFieldLimit(limit: number, fieldCount: number): void {
  if (limit >= fieldCount) return;
  throw ValidationError.of(
    ['input', 'customFieldLimit'],
    'OUT_OF_RANGE',
    `the workspace has ${fieldCount} custom fields, more than a limit of ${limit}: delete ${fieldCount - limit} of them first or choose a limit of at least ${fieldCount}`,
    { min: fieldCount },
  );
}
