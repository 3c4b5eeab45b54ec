/** The start page shown when no document is open: 新建 / 打开 / 导入Excel / 示例 and the 最近打开 list. */
import type { RecentFile } from '../../../shared/ipc';

export interface StartPageProps {
  readonly recent: readonly RecentFile[];
  readonly onNew: () => void;
  readonly onOpen: (path?: string) => void;
  readonly onImport: () => void;
  readonly onSample: () => void;
}

/** Shown when no document is open: 新建 / 打开 / 导入Excel / 示例, and the recent files. */
export function StartPage({ recent, onNew, onOpen, onImport, onSample }: StartPageProps) {
  return (
    <div className="start-page" data-testid="start-page">
      <h1>绩效目标表编辑器</h1>
      <p className="muted">编辑、校验和打印预算绩效目标表，离线使用。</p>
      <div className="start-columns">
        <div className="start-actions">
          <h2>开始</h2>
          <button className="start-button" onClick={onNew} data-testid="start-new">新建项目…<small>选择版式，从空白表开始</small></button>
          <button className="start-button" onClick={() => onOpen()} data-testid="start-open">打开项目…<small>打开 .jxmb 项目文件</small></button>
          <button className="start-button" onClick={onImport} data-testid="start-import">导入Excel…<small>从 .xlsx 绩效目标表导入</small></button>
          <button className="start-button" onClick={onSample} data-testid="start-sample">打开示例<small>宁夏闽宁镇 2024 年示例项目</small></button>
        </div>
        <div className="start-recent">
          <h2>最近打开</h2>
          {recent.length === 0 ? <p className="muted">（暂无）</p> : (
            <ul>
              {recent.map((r) => (
                <li key={r.path}><button className="link-button" onClick={() => onOpen(r.path)} title={r.path}>{r.name}</button><span className="muted recent-path">{r.path}</span></li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
