import { randomBytes } from "node:crypto";
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";

/**
 * Output files written under temporary names in their final folder and renamed into place only
 * when everything has been written and checked; `discard` removes whatever was written (and the
 * folder, if this run created it), so a failed run leaves nothing half-written behind.
 */
export class PendingOutput {
  private readonly files: { temp: string; final: string }[] = [];
  private created: string | undefined;
  private readonly tag = `${process.pid}-${randomBytes(4).toString("hex")}`;

  constructor(readonly dir: string) {}

  /** Creates the output folder if needed (remembering it, to remove it on failure). */
  async prepare(): Promise<void> {
    this.created = await mkdir(this.dir, { recursive: true });
  }

  /** A temporary path for the file that will become `dir/name`. */
  temp(name: string): string {
    const entry = {
      temp: join(this.dir, `.${name}.${this.tag}.partial`),
      final: join(this.dir, name),
    };
    this.files.push(entry);
    return entry.temp;
  }

  /**
   * Renames every file into place, in the order they were registered (an index last). Should a
   * rename fail, the files already renamed are removed too: a partial set is not left behind.
   */
  async commit(): Promise<string[]> {
    const done: string[] = [];
    try {
      for (const file of this.files) {
        await rename(file.temp, file.final);
        done.push(file.final);
      }
    } catch (error) {
      await Promise.all(done.map((final) => rm(final, { force: true })));
      throw error;
    }
    this.files.length = 0;
    this.created = undefined;
    return done;
  }

  async discard(): Promise<void> {
    await Promise.all(this.files.map((f) => rm(f.temp, { force: true })));
    this.files.length = 0;
    if (this.created !== undefined) await rm(this.created, { recursive: true, force: true });
    this.created = undefined;
  }
}
