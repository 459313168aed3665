import { useEffect, useRef } from 'react';
import type { WindowPrint } from '../../../common/contract';

/**
 * Labels the window prints itself, through the system print dialog (the host could not send
 * them to the printer): one page per label, each the PNG main drew, sized as the label stock.
 * On screen it is not shown (lockersDesk.css); the dialog opens once every image has loaded.
 */
export function WindowPrintSheet(props: { job: WindowPrint; onPrinted: () => void }) {
  const sheet = useRef<HTMLDivElement>(null);
  const { job, onPrinted } = props;

  useEffect(() => {
    let cancelled = false;
    const images = [...(sheet.current?.querySelectorAll('img') ?? [])];
    void Promise.all(images.map((image) => image.decode().catch(() => undefined))).then(() => {
      if (cancelled) return;
      window.print();
      onPrinted();
    });
    return () => {
      cancelled = true;
    };
  }, [job, onPrinted]);

  return (
    <div ref={sheet} className="locker-print-sheet" data-testid="locker-print-sheet">
      {job.labels.map((label) => (
        <img
          key={label.depositId}
          src={label.pngDataUrl}
          alt={label.depositId}
          className="locker-print-page"
          style={{ width: `${job.widthMm}mm`, height: `${job.heightMm}mm` }}
        />
      ))}
    </div>
  );
}
