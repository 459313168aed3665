export type DatabaseOpenFailure = 'locked' | 'corrupt' | 'newer-than-app' | 'unreadable';

/**
 * Why the app could not open its database. The message is meant for the person at the PC
 * (or the admin reading the log): what is wrong with which file, and what to do next.
 */
export class DatabaseOpenError extends Error {
  override readonly name = 'DatabaseOpenError';
  readonly reason: DatabaseOpenFailure;
  readonly file: string;

  constructor(reason: DatabaseOpenFailure, file: string, message: string, options?: ErrorOptions) {
    super(message, options);
    this.reason = reason;
    this.file = file;
  }

  static newerThanApp(file: string, fileVersion: number, appVersion: number): DatabaseOpenError {
    return new DatabaseOpenError(
      'newer-than-app',
      file,
      `The database file ${file} was written by a newer version of Okienko (schema ${fileVersion}; this app knows up to ${appVersion}). Update the app; the file was not changed.`,
    );
  }

  static locked(file: string, cause?: unknown): DatabaseOpenError {
    return new DatabaseOpenError(
      'locked',
      file,
      `The database file ${file} is in use by another Okienko process (locked). Close the other instance, or start this one with a different data folder; the file was not changed.`,
      { cause },
    );
  }

  static corrupt(file: string, detail: string, cause?: unknown): DatabaseOpenError {
    return new DatabaseOpenError(
      'corrupt',
      file,
      `The database file ${file} is not a valid SQLite database (corrupt or not a database: ${detail}). It was not changed; restore it from a backup or move it away to start afresh.`,
      { cause },
    );
  }

  static unreadable(file: string, detail: string, cause?: unknown): DatabaseOpenError {
    return new DatabaseOpenError(
      'unreadable',
      file,
      `The database file ${file} cannot be opened (${detail}). Check that the data folder exists and that the user running Okienko may read and write it.`,
      { cause },
    );
  }
}
