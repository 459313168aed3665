import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv, type CsvTable } from './csvTable';
import { downloadFile } from './downloadFile';

/** A table to download as it is shown: its name (for the button), the file, the rows. */
export type PanelCsv = { table: string; fileName: string; build: () => CsvTable };

/**
 * One panel of the overview: a landmark region named by its heading, with a CSV button when it
 * shows a table (the table as it is on screen; the full day's tables come from Export).
 */
export function SupervisorPanel(props: {
  id: string;
  title: string;
  csv?: PanelCsv;
  wide?: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const headingId = `${props.id}-heading`;
  const { csv } = props;
  return (
    <section
      className={props.wide ? 'sv-panel sv-panel-wide' : 'sv-panel'}
      aria-labelledby={headingId}
      data-testid={props.id}
    >
      <div className="sv-panel-header">
        <h2 id={headingId}>{props.title}</h2>
        {csv ? (
          <button
            type="button"
            className="action sv-csv"
            aria-label={t('supervisor.csv.label', { table: csv.table })}
            data-testid={`${props.id}-csv`}
            onClick={() =>
              downloadFile({
                fileName: csv.fileName,
                mimeType: 'text/csv;charset=utf-8',
                bytes: toCsv(csv.build()),
              })
            }
          >
            {t('supervisor.csv.button')}
          </button>
        ) : null}
      </div>
      {props.children}
    </section>
  );
}
