import { useEffect, useRef, useState } from 'react';

/** Ctrl+F: find text in every table; Enter goes to the next match. */
export function FindBar({ onFind, onClose, status }: { onFind: (text: string) => void; onClose: () => void; status: string }) {
  const [text, setText] = useState('');
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => { ref.current?.focus(); ref.current?.select(); }, []);
  return (
    <div className="find-bar" role="search">
      <span>查找</span>
      <input
        ref={ref} value={text} onChange={(e) => setText(e.target.value)} data-testid="find-input" placeholder="输入要查找的文字"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) onFind(text);
          if (e.key === 'Escape') onClose();
        }}
      />
      <button onClick={() => onFind(text)}>下一个</button>
      <span className="muted">{status}</span>
      <button className="close" onClick={onClose} aria-label="关闭查找">×</button>
    </div>
  );
}
