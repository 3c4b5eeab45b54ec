/** The dialogs the shell can open (DialogSpec) and the answer type of each kind. */
import type { FamilyId } from '../../../shared/model/types';
import type { RecoveryOffer } from '../../../shared/ipc';

/** A learned layout of the open project offered by the 版式 picker: a table that uses it, and its name. */
export interface LearnedChoice {
  readonly tableIndex: number;
  readonly name: string;
}

/** Answer of the unsaved-changes prompt. */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** The dialogs the shell can show; each resolves with its answer. */
export type DialogSpec =
  | { kind: 'unsaved'; documentName: string }
  | { kind: 'family'; title: string; learned?: readonly LearnedChoice[] }
  | { kind: 'changeFamily'; from: FamilyId; to: FamilyId; lost: readonly string[] }
  | { kind: 'message'; title: string; lines: readonly string[] }
  | { kind: 'confirm'; title: string; lines: readonly string[]; okText: string }
  | { kind: 'prompt'; title: string; label: string; value: string }
  | { kind: 'recovery'; offers: readonly RecoveryOffer[] };

/** Answers per dialog kind. */
export interface DialogAnswers {
  unsaved: UnsavedChoice;
  family: FamilyId | `like:${number}` | null;
  changeFamily: boolean;
  message: true;
  confirm: boolean;
  prompt: string | null;
  recovery: { restore: string | null; discard: string[] };
}

export type DialogAnswer<K extends DialogSpec['kind']> = DialogAnswers[K];
