import { Show, type JSX } from 'solid-js';
import { ID_DOC_TYPES } from '../../../domain/validators/resident-id';
import { PARTY_KINDS, STANDINGS } from '../../../domain/party';
import type { FieldError } from '../../../domain/field-errors';
import { t } from '../../i18n/index';
import { messageAt } from '../../lib/field-errors';
import { SelectField, TextField } from '../../ui/field';
import type { PartyForm } from './complaint-form';

/**
 * A complainant or agent (EN6, EN7): entity or person, country, USCC (CN entity) or
 * registration number (foreign entity), ID document, phone, badge; standing for the complainant.
 */
export function PartyFields(props: {
  readonly prefix: 'complainant' | 'agent';
  readonly party: PartyForm;
  readonly errors: readonly FieldError[];
  readonly onChange: (mutate: (p: PartyForm) => void) => void;
}): JSX.Element {
  const at = (f: string): string | undefined => messageAt(props.errors, `${props.prefix}.${f}`);
  const name = (f: string): string => `${props.prefix}.${f}`;
  const cn = (): boolean => props.party.country.trim().toUpperCase() === 'CN';
  return (
    <div class="grid">
      <SelectField
        label={t('party.kind')}
        name={name('kind')}
        value={props.party.kind}
        options={PARTY_KINDS.map((k) => ({ value: k, label: t(`party.kind.${k}`) }))}
        onChange={(v) => props.onChange((p) => (p.kind = v))}
      />
      <TextField label={t('party.name')} name={name('name')} value={props.party.name} error={at('name')} onInput={(v) => props.onChange((p) => (p.name = v))} />
      <TextField
        label={t('party.country')}
        name={name('country')}
        value={props.party.country}
        autocapitalize="characters"
        error={at('country')}
        onInput={(v) => props.onChange((p) => (p.country = v.toUpperCase()))}
      />
      <Show when={props.party.kind === 'entity'}>
        <Show
          when={cn()}
          fallback={
            <TextField label={t('party.foreignRegNo')} name={name('foreignRegNo')} value={props.party.foreignRegNo} error={at('foreignRegNo')} onInput={(v) => props.onChange((p) => (p.foreignRegNo = v))} />
          }
        >
          <TextField label={t('party.uscc')} name={name('uscc')} value={props.party.uscc} autocapitalize="characters" error={at('uscc')} onInput={(v) => props.onChange((p) => (p.uscc = v.toUpperCase()))} />
        </Show>
      </Show>
      <SelectField
        label={t('party.idType')}
        name={name('idType')}
        value={props.party.idType}
        options={[{ value: '' as const, label: t('idType.none') }, ...ID_DOC_TYPES.map((k) => ({ value: k, label: t(`idType.${k}`) }))]}
        onChange={(v) => props.onChange((p) => (p.idType = v))}
      />
      <Show when={props.party.idType !== ''}>
        <TextField label={t('party.idNumber')} name={name('idDoc.number')} value={props.party.idNumber} error={at('idDoc.number') ?? at('idDoc')} onInput={(v) => props.onChange((p) => (p.idNumber = v))} />
      </Show>
      <TextField label={t('party.phone')} name={name('phone')} type="tel" inputMode="tel" value={props.party.phone} error={at('phone')} onInput={(v) => props.onChange((p) => (p.phone = v))} />
      <TextField label={`${t('party.badgeNo')}${t('common.optional').startsWith('（') ? '' : ' '}${t('common.optional')}`} name={name('badgeNo')} value={props.party.badgeNo} error={at('badgeNo')} onInput={(v) => props.onChange((p) => (p.badgeNo = v))} />
      <Show when={props.prefix === 'complainant'}>
        <SelectField
          label={t('party.standing')}
          name={name('standing')}
          value={props.party.standing}
          error={at('standing')}
          options={STANDINGS.map((s) => ({ value: s, label: t(`standing.${s}`) }))}
          onChange={(v) => props.onChange((p) => (p.standing = v))}
        />
      </Show>
    </div>
  );
}
