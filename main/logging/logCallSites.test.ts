import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The review rule for log calls, as a test: no log call in main/ or server/ passes a resident's
 * data by name. The logger masks personal fields and patterns anyway (logger.test.ts); this
 * keeps the call sites from relying on it, and names the line when one does.
 */
const root = path.resolve(import.meta.dirname, '../..');
const personal =
  /\b(applicant|representative|registration|firstName|lastName|pesel|email|phone|street|address|postalCode|draft|payload)\b/i;
const logCall =
  /\b(?:log|logger|this\.log|request\.log|app\.log|context\.log)\??\.(?:trace|debug|info|warn|error|fatal)\(/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** The text of a call from its `(` to the matching `)`. */
function callArguments(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return text.slice(open, i + 1);
  }
  return text.slice(open);
}

describe('log call sites', () => {
  it('pass no personal field or record of a resident', () => {
    const offenders: string[] = [];
    for (const file of ['main', 'server'].flatMap((dir) => sourceFiles(path.join(root, dir)))) {
      const text = fs.readFileSync(file, 'utf8');
      for (const match of text.matchAll(logCall)) {
        const args = callArguments(text, match.index + match[0].length - 1);
        // The message (the last string literal) may name a field ("bad pesel"); values may not.
        const withoutStrings = args.replace(/'[^']*'|`[^`]*`|"[^"]*"/g, "''");
        if (personal.test(withoutStrings)) {
          const line = text.slice(0, match.index).split('\n').length;
          offenders.push(`${path.relative(root, file)}:${line}: ${args.slice(0, 120)}`);
        }
      }
    }
    expect(offenders).toEqual([]);
  });
});
