/** A dialog asking for one line of text (e.g. a table's new name); Enter confirms. */
import { useState } from 'react';
import { Modal } from './Modal';

/** Asks for one line of text (rename a table). */
export function PromptDialog({ title, label, value, onAnswer }: { title: string; label: string; value: string; onAnswer: (v: string | null) => void }) {
  const [text, setText] = useState(value);
  return (
    <Modal
      title={title} testId="dialog-prompt" onEscape={() => onAnswer(null)}
      buttons={<>
        <button className="primary" onClick={() => onAnswer(text)}>确定</button>
        <button onClick={() => onAnswer(null)}>取消</button>
      </>}
    >
      <label className="prompt-label">{label}
        <input data-autofocus value={text} onChange={(e) => setText(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter' && !e.nativeEvent.isComposing) onAnswer(text); }} />
      </label>
    </Modal>
  );
}
