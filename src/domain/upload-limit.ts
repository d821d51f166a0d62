import { LimitExceededError } from './errors.ts';

/** The most bytes one upload may hold, and whose limit that is. */
export interface UploadLimit {
  bytes: number;
  /** `workspace`: the workspace's import size setting; `server`: the operator's ceiling, when it is lower. */
  setBy: 'workspace' | 'server';
}

/**
 * A workspace's import size setting, held to the server's ceiling: the setting may be above it
 * when it was chosen before the operator lowered the ceiling.
 */
export function uploadLimit(workspaceMaxBytes: number, serverMaxBytes: number): UploadLimit {
  return workspaceMaxBytes <= serverMaxBytes ? { bytes: workspaceMaxBytes, setBy: 'workspace' } : { bytes: serverMaxBytes, setBy: 'server' };
}

export function uploadTooLarge(limit: UploadLimit): LimitExceededError {
  const megabytes = Number((limit.bytes / 1_000_000).toFixed(1));
  const whose = limit.setBy === 'workspace' ? 'the workspace limit' : "this server's upload limit";
  return new LimitExceededError('FILE_TOO_LARGE', `The file is larger than ${whose} of ${limit.bytes} bytes (${megabytes} MB)`, limit.bytes, {
    setBy: limit.setBy,
  });
}

/** Line `line` (from 1) of an uploaded or pasted list is longer than `maxLength` characters. */
export function lineTooLong(line: number, maxLength: number): LimitExceededError {
  return new LimitExceededError('LINE_TOO_LONG', `Line ${line} is longer than ${maxLength} characters, the most one line may hold`, maxLength, {
    line,
    unit: 'characters',
  });
}
