/** Picks the dialog component for the open DialogSpec and routes its answer back to useDialogs. */
import { ChangeFamilyDialog } from './ChangeFamilyDialog';
import { ConfirmDialog } from './ConfirmDialog';
import type { DialogSpec } from './dialog-types';
import { FamilyPickerDialog } from './FamilyPickerDialog';
import { MessageDialog } from './MessageDialog';
import { PromptDialog } from './PromptDialog';
import { RecoveryDialog } from './RecoveryDialog';
import { UnsavedDialog } from './UnsavedDialog';

/** Renders the open dialog, if any. */
export function DialogHost({ spec, answer }: { spec: DialogSpec | null; answer: (value: unknown) => void }) {
  if (!spec) return null;
  switch (spec.kind) {
    case 'unsaved': return <UnsavedDialog documentName={spec.documentName} onAnswer={answer} />;
    case 'family': return <FamilyPickerDialog title={spec.title} learned={spec.learned} onAnswer={answer} />;
    case 'changeFamily': return <ChangeFamilyDialog from={spec.from} to={spec.to} lost={spec.lost} onAnswer={answer} />;
    case 'message': return <MessageDialog title={spec.title} lines={spec.lines} onClose={() => answer(true)} />;
    case 'confirm': return <ConfirmDialog title={spec.title} lines={spec.lines} okText={spec.okText} onAnswer={answer} />;
    case 'prompt': return <PromptDialog title={spec.title} label={spec.label} value={spec.value} onAnswer={answer} />;
    case 'recovery': return <RecoveryDialog offers={spec.offers} onAnswer={answer} />;
  }
}
