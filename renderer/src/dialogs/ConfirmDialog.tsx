/** A generic yes/no dialog with a custom OK label. */
import { Modal } from './Modal';

/** A yes/no question (e.g. export while errors remain). */
export function ConfirmDialog({ title, lines, okText, onAnswer }: { title: string; lines: readonly string[]; okText: string; onAnswer: (ok: boolean) => void }) {
  return (
    <Modal
      title={title} testId="dialog-confirm" onEscape={() => onAnswer(false)}
      buttons={<>
        <button className="primary" onClick={() => onAnswer(true)}>{okText}</button>
        <button data-autofocus onClick={() => onAnswer(false)}>取消</button>
      </>}
    >
      {lines.map((l, i) => <p key={i}>{l}</p>)}
    </Modal>
  );
}
