import { A } from '@solidjs/router';
import { For, Match, Show, Switch, type JSX } from 'solid-js';
import { fieldErrorMessage, storageErrorMessage } from '../../i18n/errors';
import { t } from '../../i18n/index';
import { Notice } from '../../ui/notice';
import { caseErrorMessage } from '../case-detail/case-error';
import type { ImportResult } from './handoff-import';

/** What the import did: the cases filed (or already filed), the commitment recorded, or why not. */
export function HandoffResult(props: { readonly result: ImportResult; readonly onAgain: () => void }): JSX.Element {
  const r = (): ImportResult => props.result;
  return (
    <div data-testid="handoff-result" data-kind={r().kind}>
      <Switch>
        <Match when={r().kind === 'failed' && (r() as Extract<ImportResult, { kind: 'failed' }>)}>
          {(f) => (
            <Notice kind="error" testId="handoff-failed">
              {storageErrorMessage(f().error)}
              <For each={f().error.fields ?? []}>{(e) => <div data-code={e.code}>{`${e.field}: ${fieldErrorMessage(e)}`}</div>}</For>
              <Show when={f().error.domain}>{(d) => <div data-code={d().code}>{caseErrorMessage(d())}</div>}</Show>
            </Notice>
          )}
        </Match>
        <Match when={r().kind !== 'failed'}>
          <Show when={(r() as { already?: boolean }).already === true}>
            <Notice kind="info" testId="handoff-already">
              {t('handoff.already')}
            </Notice>
          </Show>
          <Show when={r().kind === 'cases' && (r() as Extract<ImportResult, { kind: 'cases' }>)}>
            {(cr) => (
              <Notice kind="ok" testId="handoff-imported">
                {t('handoff.importedCases', { numbers: cr().cases.map((c) => c.caseNo).join(', ') })}
                <For each={cr().cases}>
                  {(c) => (
                    <A class="btn" href={`/cases/${c.id}`} data-case-no={c.caseNo}>
                      {c.caseNo}
                    </A>
                  )}
                </For>
              </Notice>
            )}
          </Show>
          <Show when={r().kind === 'commitment' && (r() as Extract<ImportResult, { kind: 'commitment' }>)}>
            {(cm) => (
              <Notice kind="ok" testId="handoff-imported">
                {t('handoff.importedCommitment', { version: cm().version })}
              </Notice>
            )}
          </Show>
        </Match>
      </Switch>
      <button type="button" class="btn" data-testid="scan-next" onClick={() => props.onAgain()}>
        {t('handoff.again')}
      </button>
    </div>
  );
}
