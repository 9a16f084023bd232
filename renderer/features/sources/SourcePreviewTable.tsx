// The first rows of a source table or query as the import will type them: each column
// with the source's type and the DuckDB type it becomes.
import type { SourcePreview } from '../../../shared/sources/sources.js';
import { isNumericType } from '../../../shared/wire.js';
import { CellValue } from '../analysis/components/CellValue.js';
import { countOf } from '../analysis/display-format.js';
import importStyles from '../analysis/import/Import.module.css';
import { useRunsPastRightEdge } from '../../hooks/useRunsPastRightEdge.js';
import styles from './Sources.module.css';

// The preview shows TIMESTAMPTZ in this computer's zone, as the result grid does by default.
const TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

export function SourcePreviewTable({ preview }: { preview: SourcePreview }) {
  const { columns, mapping, page } = preview;
  // Whether the columns run past the pane's edge: then a line under the rows says so.
  const [boxRef, wide] = useRunsPastRightEdge<HTMLDivElement>(preview);

  return (
    <>
      <div className={`${importStyles.previewBox} ${styles.sourcePreviewBox}`} ref={boxRef} data-testid="source-preview-box">
        <table className={importStyles.previewTable} data-testid="source-preview">
          <thead>
            <tr>
              <th className={importStyles.rowNo} scope="col">
                #
              </th>
              {columns.map((c, j) => {
                const m = mapping[j];
                const changed = m && m.type.toUpperCase() !== m.sourceType.toUpperCase();
                return (
                  <th key={j} scope="col" className={isNumericType(c.type) ? importStyles.numCol : undefined} data-testid={`source-col-${c.name}`}>
                    <span className={styles.colName}>{c.name}</span>
                    <span className={styles.colTypes} title={m ? `${m.sourceType} in the source, ${m.type} in Enclave` : c.type.sql}>
                      {m && changed ? (
                        <>
                          <span className={styles.dim}>{m.sourceType}</span> → {m.type}
                        </>
                      ) : (
                        (m?.type ?? c.type.sql)
                      )}
                    </span>
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: page.rowCount }, (_, i) => (
              <tr key={i}>
                <td className={importStyles.rowNo}>{i + 1}</td>
                {columns.map((c, j) => (
                  <td key={j} className={isNumericType(c.type) ? importStyles.numCol : undefined}>
                    <CellValue type={c.type} cell={page.columns[j]?.[i] ?? null} timeZone={TIME_ZONE} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {wide && (
        <div className={styles.scrollSideways} data-testid="source-preview-scroll-hint">
          {countOf(columns.length, 'column')}: scroll sideways (the bar below the rows, or Shift + wheel) to see every one →
        </div>
      )}
    </>
  );
}
