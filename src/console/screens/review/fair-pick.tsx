import { useSearchParams } from '@solidjs/router';
import { For, createEffect, createResource, type JSX } from 'solid-js';
import type { Fair } from '../../../domain/fair';
import { listFairs } from '../fairs/fairs.data';

/**
 * The fair a per-fair page shows, kept in the address (`?fair=<id>`) so a reload or a link
 * keeps it; the first fair until one is picked.
 */
export function useFairPick(): { fairId: () => string | undefined; fair: () => Fair | undefined; Picker: (props: { readonly label: string }) => JSX.Element } {
  const [params, setParams] = useSearchParams<{ fair?: string }>();
  const [fairs] = createResource(listFairs);
  const options = () => {
    const r = fairs();
    return r?.ok ? r.value.fairs.map((f) => ({ value: f.fairId as string, label: `${f.code} · ${f.nameZh}` })) : [];
  };
  createEffect(() => {
    const first = options()[0];
    if (params.fair === undefined && first !== undefined) setParams({ fair: first.value }, { replace: true });
  });
  const Picker = (props: { readonly label: string }): JSX.Element => (
    <label class="field fair-pick">
      <span>{props.label}</span>
      <select data-testid="fair-pick" value={params.fair ?? ''} onChange={(e) => setParams({ fair: e.currentTarget.value })}>
        <For each={options()}>{(o) => <option value={o.value}>{o.label}</option>}</For>
      </select>
    </label>
  );
  const fair = (): Fair | undefined => {
    const r = fairs();
    return r?.ok ? r.value.fairs.find((f) => f.fairId === params.fair)?.fair : undefined;
  };
  return { fairId: () => params.fair, fair, Picker };
}
