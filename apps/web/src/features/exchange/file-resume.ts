/** Why a file picked to resume an unfinished upload does not fit it: another name, size or SM3, or the upload is gone. */
export type ResumeProblem = 'name' | 'size' | 'sm3' | 'gone';

/** The part of an unfinished upload a picked file is checked against. */
export interface ResumeTarget {
  fileName: string;
  size: number;
  sm3: string;
}

/** A picked file refused for resuming an upload; the upload itself stays as it was. */
export class ResumeRefused extends Error {
  constructor(readonly problem: ResumeProblem) {
    super(`the file does not resume the upload: ${problem}`);
    this.name = 'ResumeRefused';
  }
}

/** What is wrong with a picked file before it is hashed: its name or size differ from the upload's, if either does. */
export function resumeProblem(file: Pick<File, 'name' | 'size'>, target: ResumeTarget): ResumeProblem | null {
  if (file.name !== target.fileName) return 'name';
  if (file.size !== target.size) return 'size';
  return null;
}

/** The unfinished upload of this very file (same name, size and SM3), the newest when there are several. */
export function matchingUpload<T extends ResumeTarget & { createdAt: string }>(uploads: readonly T[], file: ResumeTarget): T | undefined {
  return uploads
    .filter((u) => u.fileName === file.fileName && u.size === file.size && u.sm3 === file.sm3)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0];
}
