import { draftValue, type FieldKey, type SettingsDraft } from '@/utils/settings/draft';

/** A field that holds text or a choice: every field but the watched list as a whole. */
export type ControlKey = Exclude<FieldKey, 'watched'>;

/** What every section's controls share: the draft's value, validity, description, and edit and leave handlers. */
export interface FieldControls {
  /** The field's problem in words, if it may show one now. */
  readonly problem: (field: FieldKey) => string | undefined;
  readonly textProps: (field: ControlKey, describedBy: string | undefined) => ReturnType<typeof textProps>;
  readonly choiceProps: (
    field: ControlKey,
    describedBy: string | undefined,
    onChoose?: (value: string) => void,
  ) => ReturnType<typeof choiceProps>;
  /** Marks fields as visited, so their problems show. */
  readonly visit: (fields: readonly FieldKey[]) => void;
}

interface ControlSource {
  readonly draft: SettingsDraft;
  readonly invalid: (field: FieldKey) => boolean;
  readonly update: (field: ControlKey, value: string) => void;
  readonly visit: (fields: readonly FieldKey[]) => void;
}

function controlProps(source: ControlSource, field: ControlKey, describedBy: string | undefined) {
  return {
    id: field,
    value: draftValue(source.draft, field),
    'aria-invalid': source.invalid(field) ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: () => source.visit([field]),
  };
}

function textProps(source: ControlSource, field: ControlKey, describedBy: string | undefined) {
  return {
    ...controlProps(source, field, describedBy),
    spellcheck: false,
    autocomplete: 'off',
    onInput: (e: Event) => source.update(field, (e.currentTarget as HTMLInputElement).value),
  };
}

function choiceProps(source: ControlSource, field: ControlKey, describedBy: string | undefined, onChoose?: (value: string) => void) {
  const choose = onChoose ?? ((value: string) => source.update(field, value));
  return {
    ...controlProps(source, field, describedBy),
    onChange: (e: Event) => choose((e.currentTarget as HTMLSelectElement).value),
  };
}

export function fieldControls(source: ControlSource, problem: (field: FieldKey) => string | undefined): FieldControls {
  return {
    problem,
    textProps: (field, describedBy) => textProps(source, field, describedBy),
    choiceProps: (field, describedBy, onChoose) => choiceProps(source, field, describedBy, onChoose),
    visit: source.visit,
  };
}
