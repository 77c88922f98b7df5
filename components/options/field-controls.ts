import type { DraftField, SettingsDraft } from '@/utils/settings/draft';

/** What every section's controls share: the draft's value, validity, description, and edit and leave handlers. */
export interface FieldControls {
  /** The field's problem in words, if it may show one now. */
  readonly problem: (field: DraftField) => string | undefined;
  readonly textProps: (field: DraftField, describedBy: string | undefined) => ReturnType<typeof textProps>;
  readonly choiceProps: (
    field: DraftField,
    describedBy: string | undefined,
    onChoose?: (value: string) => void,
  ) => ReturnType<typeof choiceProps>;
}

interface ControlSource {
  readonly draft: SettingsDraft;
  readonly invalid: (field: DraftField) => boolean;
  readonly update: (field: DraftField, value: string) => void;
  readonly leave: (field: DraftField) => void;
}

function controlProps(source: ControlSource, field: DraftField, describedBy: string | undefined) {
  return {
    id: field,
    value: source.draft[field],
    'aria-invalid': source.invalid(field) ? true : undefined,
    'aria-describedby': describedBy,
    onBlur: () => source.leave(field),
  };
}

function textProps(source: ControlSource, field: DraftField, describedBy: string | undefined) {
  return {
    ...controlProps(source, field, describedBy),
    spellcheck: false,
    autocomplete: 'off',
    onInput: (e: Event) => source.update(field, (e.currentTarget as HTMLInputElement).value),
  };
}

function choiceProps(source: ControlSource, field: DraftField, describedBy: string | undefined, onChoose?: (value: string) => void) {
  const choose = onChoose ?? ((value: string) => source.update(field, value));
  return {
    ...controlProps(source, field, describedBy),
    onChange: (e: Event) => choose((e.currentTarget as HTMLSelectElement).value),
  };
}

export function fieldControls(source: ControlSource, problem: (field: DraftField) => string | undefined): FieldControls {
  return {
    problem,
    textProps: (field, describedBy) => textProps(source, field, describedBy),
    choiceProps: (field, describedBy, onChoose) => choiceProps(source, field, describedBy, onChoose),
  };
}
