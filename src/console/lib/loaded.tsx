import { Match, Switch, type JSX } from 'solid-js';
import { Notice } from '../../app/ui/notice';
import type { ApiFailure, ApiResult } from './api';
import { failureText } from './failure';

/** A server read's three faces: loading (nothing yet), its failure in words, or its value. */
export function Loaded<T>(props: { readonly result: ApiResult<T> | undefined; readonly children: (value: T) => JSX.Element }): JSX.Element {
  const failure = (): ApiFailure | undefined => (props.result !== undefined && !props.result.ok ? props.result.failure : undefined);
  const value = (): { v: T } | undefined => (props.result !== undefined && props.result.ok ? { v: props.result.value } : undefined);
  return (
    <Switch>
      <Match when={failure()}>{(f) => <Notice kind="error">{failureText(f())}</Notice>}</Match>
      {/* Keyed: a new result (a refetch after a change, another page) renders the new value;
          unkeyed, the children ran once and kept showing the first one. */}
      <Match when={value()} keyed>
        {(v) => props.children(v.v)}
      </Match>
    </Switch>
  );
}
