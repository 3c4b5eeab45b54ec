/** The 「还有 N 个错误，仍要继续吗？」 dialog shown before 打印 or 导出PDF; counting the errors is print-settings.ts's. */
import { Modal } from '../dialogs/Modal';

/** What the user chose when errors remain: go on, look at the findings, or stop. */
export type ErrorsRemainChoice = 'continue' | 'problems' | 'cancel';

/** 「还有 N 个错误，仍要继续吗？」 before printing or exporting a PDF, with 继续 / 查看问题 / 取消. */
export function ErrorsRemainDialog({ count, action, onAnswer }: { count: number; action: string; onAnswer: (c: ErrorsRemainChoice) => void }) {
  return (
    <Modal
      title={`${action}前的提醒`} testId="dialog-errors-remain" onEscape={() => onAnswer('cancel')}
      buttons={<>
        <button className="primary" onClick={() => onAnswer('continue')} data-testid="errors-continue">继续</button>
        <button onClick={() => onAnswer('problems')} data-testid="errors-problems">查看问题</button>
        <button data-autofocus onClick={() => onAnswer('cancel')} data-testid="errors-cancel">取消</button>
      </>}
    >
      <p data-testid="errors-remain-text">还有 {count} 个错误，仍要继续吗？</p>
      <p className="muted">校验发现的错误会原样{action === '打印' ? '打印出来' : '写入 PDF'}。选择“查看问题”可以在校验面板中逐条查看并修正。</p>
    </Modal>
  );
}
