/** The start-up offer to restore the newest recovery copy left by a crash: 恢复 / 放弃 / 以后再说. */
import type { RecoveryOffer } from '../../../shared/ipc';
import { Modal } from './Modal';

function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Offers the newest recovery copy left by a crash: 恢复 / 放弃. */
export function RecoveryDialog({ offers, onAnswer }: { offers: readonly RecoveryOffer[]; onAnswer: (a: { restore: string | null; discard: string[] }) => void }) {
  const newest = offers[0];
  return (
    <Modal
      title="恢复未保存的工作" testId="dialog-recovery" onEscape={() => onAnswer({ restore: null, discard: [] })}
      buttons={<>
        <button className="primary" data-autofocus onClick={() => onAnswer({ restore: newest.sessionId, discard: [] })}>恢复</button>
        <button onClick={() => onAnswer({ restore: null, discard: offers.map((o) => o.sessionId) })}>放弃</button>
        <button onClick={() => onAnswer({ restore: null, discard: [] })}>以后再说</button>
      </>}
    >
      <p>上次程序意外退出，发现未保存的内容：</p>
      <p><b>{newest.title}</b>（自动保存于 {when(newest.savedAt)}）</p>
      {offers.length > 1 && <p className="muted">另有 {offers.length - 1} 个较早的恢复副本。</p>}
    </Modal>
  );
}
