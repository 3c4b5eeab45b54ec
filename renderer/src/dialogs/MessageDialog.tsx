/** An information or error dialog with one 确定 button; long line lists become a scrolling list. */
import { Modal } from './Modal';

/** An information or error message with one 确定 button. */
export function MessageDialog({ title, lines, onClose }: { title: string; lines: readonly string[]; onClose: () => void }) {
  return (
    <Modal title={title} testId="dialog-message" onEscape={onClose} buttons={<button className="primary" data-autofocus onClick={onClose}>确定</button>}>
      {lines.length > 12 ? <ul className="lost-list">{lines.map((l, i) => <li key={i}>{l}</li>)}</ul> : lines.map((l, i) => <p key={i}>{l}</p>)}
    </Modal>
  );
}
