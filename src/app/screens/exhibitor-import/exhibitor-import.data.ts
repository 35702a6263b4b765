import { createSignal, type Accessor } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { importExhibitors, listExhibitors } from '../../../store/exhibitors';
import type { StorageError } from '../../../store/result';
import { isGood, previewImport, type ImportPreview } from '../../../domain/exhibitor-import';
import { readTable, type TableRead } from '../../import/read-table';
import { nowInstant } from '../../lib/clock';
import { useAppState } from '../../state/app-state';

/**
 * Exhibitor import (EN4, EN5): read → preview with an error per bad row → the user confirms
 * → the good rows in one all-or-nothing store transaction. Nothing is written before confirm.
 */
export interface ExhibitorImport {
  readonly reading: Accessor<boolean>;
  readonly readError: Accessor<Extract<TableRead, { ok: false }> | undefined>;
  readonly preview: Accessor<ImportPreview | undefined>;
  readonly failure: Accessor<StorageError | undefined>;
  readonly imported: Accessor<number | undefined>;
  pick(file: File, fair: Fair): Promise<void>;
  confirm(fair: Fair): Promise<void>;
}

export function createExhibitorImport(): ExhibitorImport {
  const app = useAppState();
  const [reading, setReading] = createSignal(false);
  const [readError, setReadError] = createSignal<Extract<TableRead, { ok: false }>>();
  const [preview, setPreview] = createSignal<ImportPreview>();
  const [failure, setFailure] = createSignal<StorageError>();
  const [imported, setImported] = createSignal<number>();

  const pick = async (file: File, fair: Fair): Promise<void> => {
    setReading(true);
    setReadError(undefined);
    setPreview(undefined);
    setFailure(undefined);
    setImported(undefined);
    try {
      const read = await readTable(file);
      if (!read.ok) {
        setReadError(read);
        return;
      }
      setPreview(previewImport(read.table, fair, await listExhibitors(fair.id)));
    } finally {
      setReading(false);
    }
  };

  const confirm = async (fair: Fair): Promise<void> => {
    const good = (preview()?.results ?? []).filter(isGood);
    if (good.length === 0) return;
    const result = await importExhibitors(
      fair.id,
      good.map((r) => r.exhibitor),
      nowInstant(),
    );
    if (!result.ok) {
      setFailure(result.error);
      app.reportStorageError(result.error);
      return;
    }
    setImported(result.value.imported);
    setPreview(undefined);
  };

  return { reading, readError, preview, failure, imported, pick, confirm };
}
