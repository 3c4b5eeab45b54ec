/** The 保存 / 不保存 / 取消 prompt before closing or replacing a document with unsaved changes. */
import type { UnsavedChoice } from './dialog-types';
import { Modal } from './Modal';

/** 「是否保存对“…”的更改？」 with 保存 / 不保存 / 取消. */
export function UnsavedDialog({ documentName, onAnswer }: { documentName: string; onAnswer: (c: UnsavedChoice) => void }) {
  return (
    <Modal
      title="未保存的更改" testId="dialog-unsaved" onEscape={() => onAnswer('cancel')}
      buttons={<>
        <button className="primary" data-autofocus onClick={() => onAnswer('save')}>保存</button>
        <button onClick={() => onAnswer('discard')}>不保存</button>
        <button onClick={() => onAnswer('cancel')}>取消</button>
      </>}
    >
      <p>是否保存对“{documentName}”的更改？</p>
      <p className="muted">如果不保存，您的更改将会丢失。</p>
    </Modal>
  );
}
