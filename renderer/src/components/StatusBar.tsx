import { memo } from 'react';

export interface StatusBarProps {
  readonly family: string;
  readonly moneyUnit: string;
  readonly cellMeaning: string;
  readonly saveState: string;
  readonly notice: string;
}

/** 版式 · 金额单位 · 当前单元格含义 · 保存状态 (and the last action). */
export const StatusBar = memo(function StatusBar(p: StatusBarProps) {
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className="status-family">{p.family}</span>
      <span className="status-unit">{p.moneyUnit}</span>
      <span className="status-cell" data-testid="status-cell">{p.cellMeaning}</span>
      <span className={`status-notice${p.notice.startsWith('⚠') ? ' warn' : ''}`} role="status">{p.notice}</span>
      <span className="status-save" data-testid="status-save">{p.saveState}</span>
    </footer>
  );
});
