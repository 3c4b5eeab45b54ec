/** The shared modal frame of every dialog: backdrop, title, buttons, Escape to cancel, initial focus. */
import { useEffect, useRef, type ReactNode } from 'react';

interface ModalProps {
  readonly title: string;
  readonly children: ReactNode;
  readonly buttons: ReactNode;
  readonly onEscape: () => void;
  readonly testId: string;
}

/** A centred modal dialog frame; Escape cancels; focus moves into the dialog. */
export function Modal({ title, children, buttons, onEscape, testId }: ModalProps) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    (el?.querySelector('[data-autofocus]') as HTMLElement | null ?? el?.querySelector('button'))?.focus();
  }, []);
  return (
    <div className="modal-backdrop">
      <div
        className="modal" role="dialog" aria-modal="true" aria-label={title} data-testid={testId} ref={ref}
        onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onEscape(); } }}
      >
        <div className="modal-title">{title}</div>
        <div className="modal-body">{children}</div>
        <div className="modal-buttons">{buttons}</div>
      </div>
    </div>
  );
}
