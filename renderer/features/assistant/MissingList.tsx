import type { TFunction } from 'i18next';
import type { CaseType } from '../../../common/contract/central/reference';

/**
 * The documents the resident still has to bring, each with where to get it: on the desk's
 * screen, in the on-screen view turned to the resident and on the printed sheet (then `t` is
 * the Polish one).
 */
export function MissingList(props: {
  missing: CaseType['documents'];
  t: TFunction;
  whereKey: 'assistant.missing.whereToGet' | 'assistant.print.whereToGet';
  testId: string;
}) {
  return (
    <ol className="assistant-missing-list" data-testid={props.testId}>
      {props.missing.map((document) => (
        <li key={document.id} data-testid={`${props.testId}-${document.id}`}>
          <strong>{document.name}</strong>
          {document.whereToGet ? (
            <p>
              <span className="assistant-where">{props.t(props.whereKey)}</span>{' '}
              {document.whereToGet}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
