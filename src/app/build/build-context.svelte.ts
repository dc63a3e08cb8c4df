// The Dockerfile panel's state, kept by the workbench for the whole visit (the panel itself
// comes and goes with its tab): the files, the open one, the image name, saved on every
// change; and the Build action, which hands the files to the guest and types the command.
import {
  buildCommand, contextTar, CONTEXT_TAR, DOCKERFILE, freshName, loadContext, nameProblem, saveContext, validImageName,
  type ContextFile, type NameProblem,
} from '../../lib/build/context-files';
import { typeInto, type RunnerGuest } from '../lesson-runner';

export interface BuildGuest extends Pick<RunnerGuest, 'sendTerminal' | 'onTerminal'> {
  putFile(name: string, bytes: Uint8Array): Promise<void>;
}

export class BuildContextState {
  files = $state<ContextFile[]>([]);
  active = $state(DOCKERFILE);
  image = $state('');
  building = $state(false);
  error = $state<string | null>(null);

  readonly #storage: Storage | null;

  constructor(storage: Storage | null) {
    this.#storage = storage;
    const saved = loadContext(storage);
    this.files = saved.files;
    this.image = saved.image;
  }

  get current(): ContextFile {
    return this.files.find((f) => f.name === this.active) ?? this.files[0];
  }

  get imageOk(): boolean {
    return validImageName(this.image);
  }

  save(): void {
    saveContext(this.#storage, { files: $state.snapshot(this.files), image: this.image });
  }

  edit(text: string): void {
    this.current.text = text;
    this.save();
  }

  setImage(image: string): void {
    this.image = image.trim();
    this.save();
  }

  /** Adds an empty file named `name` (or a fresh name) and opens it. */
  add(name?: string): NameProblem | null {
    const chosen = name ?? freshName(this.files);
    const problem = nameProblem(chosen, this.files);
    if (problem) return problem;
    this.files.push({ name: chosen, text: '' });
    this.active = chosen;
    this.save();
    return null;
  }

  rename(from: string, to: string): NameProblem | null {
    if (from === DOCKERFILE) return 'invalid';
    const problem = nameProblem(to, this.files, from);
    if (problem) return problem;
    const file = this.files.find((f) => f.name === from);
    if (!file) return 'invalid';
    file.name = to;
    if (this.active === from) this.active = to;
    this.save();
    return null;
  }

  remove(name: string): void {
    if (name === DOCKERFILE) return;
    const index = this.files.findIndex((f) => f.name === name);
    if (index < 0) return;
    this.files.splice(index, 1);
    if (this.active === name) this.active = this.files[Math.max(0, index - 1)].name;
    this.save();
  }

  /** Puts the files on the 9p share as a tar, then types the real docker build into the terminal. */
  async build(guest: BuildGuest, onStarted?: () => void): Promise<void> {
    if (this.building || !this.imageOk) return;
    this.building = true;
    this.error = null;
    try {
      await guest.putFile(CONTEXT_TAR, contextTar($state.snapshot(this.files)));
      onStarted?.();
      await typeInto(guest, buildCommand(this.image), 12);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    } finally {
      this.building = false;
    }
  }
}
