/** The 更改版式 confirmation: lists what the new family cannot hold. The change itself is a command. */
import { familyDisplayName } from '../../../shared/families';
import type { FamilyId } from '../../../shared/model/types';
import { Modal } from './Modal';

/** Warns what a family change cannot carry over before applying it (it stays undoable). */
export function ChangeFamilyDialog({ from, to, lost, onAnswer }: { from: FamilyId; to: FamilyId; lost: readonly string[]; onAnswer: (ok: boolean) => void }) {
  return (
    <Modal
      title="更改版式" testId="dialog-change-family" onEscape={() => onAnswer(false)}
      buttons={<>
        <button className="primary" data-autofocus onClick={() => onAnswer(true)}>更改</button>
        <button onClick={() => onAnswer(false)}>取消</button>
      </>}
    >
      <p>将本表从「{familyDisplayName(from)}」改为「{familyDisplayName(to)}」，表格将按新版式重新排版。</p>
      {lost.length > 0 ? (
        <>
          <p className="warning-text">以下内容无法带到新版式：</p>
          <ul className="lost-list">{lost.map((l, i) => <li key={i}>{l}</li>)}</ul>
        </>
      ) : <p>所有内容都可以带到新版式。</p>}
      <p className="muted">更改后可以用“撤销”（Ctrl+Z）恢复。</p>
    </Modal>
  );
}
