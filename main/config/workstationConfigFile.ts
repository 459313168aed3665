import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describeIssues, issuesFromZod } from '../../common/contract/ipcError';
import type { PayloadIssue } from '../../common/contract/ipcError';
import {
  defaultWorkstationConfig,
  workstationConfigSchema,
} from '../../common/contract/workstationConfig';
import type { WorkstationConfig } from '../../common/contract/workstationConfig';

export const CONFIG_FILE_NAME = 'config.json';

/** The config file cannot be used as it is; the message says where and what to fix. */
export class WorkstationConfigError extends Error {
  override readonly name = 'WorkstationConfigError';
  readonly file: string;
  readonly issues: PayloadIssue[];

  constructor(file: string, message: string, issues: PayloadIssue[], options?: ErrorOptions) {
    super(message, options);
    this.file = file;
    this.issues = issues;
  }
}

export type LoadedWorkstationConfig = {
  config: WorkstationConfig;
  file: string;
  created: boolean;
};

/**
 * Reads the workstation config from the data folder, creating the default one on first run.
 * An existing file is never rewritten, even when it is wrong: what the admin typed is
 * worth more than a PC that starts with settings nobody chose.
 */
export function loadWorkstationConfig(dataDir: string): LoadedWorkstationConfig {
  const file = path.join(dataDir, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (!isMissingFile(error)) throw error;
    const config = structuredClone(defaultWorkstationConfig);
    writeConfig(file, config);
    return { config, file, created: true };
  }
  return { config: parseConfigText(file, text), file, created: false };
}

/** Validates, then replaces the file in one step, so a crash leaves the old or the new file. */
export function saveWorkstationConfig(dataDir: string, config: WorkstationConfig): void {
  const file = path.join(dataDir, CONFIG_FILE_NAME);
  writeConfig(file, validate(file, config));
}

function parseConfigText(file: string, text: string): WorkstationConfig {
  // Windows Notepad may save UTF-8 with a byte-order mark, which JSON.parse rejects.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const issue = jsonSyntaxIssue(json, error);
    throw new WorkstationConfigError(
      file,
      `The workstation config ${file} is not valid JSON (${issue.message}). Fix the file and start again; it was not changed.`,
      [issue],
      { cause: error },
    );
  }
  return validate(file, value);
}

function validate(file: string, value: unknown): WorkstationConfig {
  const result = workstationConfigSchema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error);
  throw new WorkstationConfigError(
    file,
    `The workstation config ${file} has ${issues.length === 1 ? 'a problem' : `${issues.length} problems`}: ${describeIssues(issues)}. Fix the file and start again; it was not changed.`,
    issues,
    { cause: result.error },
  );
}

function jsonSyntaxIssue(text: string, error: unknown): PayloadIssue {
  const raw = error instanceof Error ? error.message : String(error);
  const position = syntaxErrorPosition(text, raw);
  // V8 appends its own position to some messages and not to others; one format reads better.
  const problem = raw.replace(/ at position \d+( \(line \d+ column \d+\))?$/, '');
  if (position === undefined) return { path: '(root)', message: problem };
  const { line, column } = lineAndColumn(text, position);
  return { path: '(root)', message: `line ${line}, column ${column}: ${problem}` };
}

function syntaxErrorPosition(text: string, message: string): number | undefined {
  const match = / at position (\d+)/.exec(message);
  if (match?.[1] !== undefined) return Number(match[1]);
  if (message.includes('Unexpected end of JSON input')) return text.length;
  return undefined;
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: position - lineStart + 1 };
}

function writeConfig(file: string, config: WorkstationConfig): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  writeFileAtomically(file, `${JSON.stringify(config, null, 2)}\n`);
}

function writeFileAtomically(file: string, text: string): void {
  // The temporary file sits beside the target: rename is only atomic within one file system.
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fd = fs.openSync(temporary, 'wx');
    try {
      fs.writeFileSync(fd, text, 'utf8');
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw error;
  }
}

function isMissingFile(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
