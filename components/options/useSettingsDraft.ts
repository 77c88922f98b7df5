import { useEffect, useState } from 'preact/hooks';
import type { AlertRules } from '@/utils/settings/alert-rules';
import {
  convertDraftUnits,
  draftFromRules,
  validateAlertDraft,
  type AlertField,
  type AlertRulesDraft,
} from '@/utils/settings/alert-rules-form';
import { exactBehind } from '@/utils/settings/traffic-amount';
import {
  addWatched,
  blankAccount,
  convertMoneyUnits,
  draftFromSettings,
  followDraft,
  takeUnedited,
  withDraftValue,
  type FieldKey,
  type MoneySwitch,
  type SettingsDraft,
} from '@/utils/settings/draft';
import { parseUnits } from '@/utils/settings/fields';
import { typedEntries, validateDraft, type ValidDraft } from '@/utils/settings/validate';
import { MAX_ACCOUNTS, type WatchedUser } from '@/utils/settings/model';
import { newAccountId } from '@/utils/settings/watched';
import type { Settings } from '@/utils/settings/model';
import { settingsPatch, type SettingsPatch } from '@/utils/settings/patch';
import type { TrafficUnits } from '@/utils/format/traffic-format';

/** What storage holds for the settings page: the settings (repaired where malformed) and each account's token. */
export interface StoredSettings {
  readonly settings: Settings;
  readonly tokens: Readonly<Record<string, string>>;
}

/**
 * What a Save writes: the settings the person changed, the tokens they changed (so a token saved
 * in another tab is not written back over), and the accounts removed, whose tokens go.
 */
export interface SettingsChange {
  readonly settings: SettingsPatch;
  readonly tokens: Readonly<Record<string, string>>;
  readonly removedAccounts: readonly string[];
}

/**
 * The form's text and what it was written from. `baseline` is what the page last knew to be
 * stored: a field whose text is still what the baseline gives is one the person has not edited.
 */
interface DraftState {
  readonly baseline: StoredSettings;
  readonly settings: SettingsDraft;
  readonly alerts: AlertRulesDraft;
}

function stateFrom(stored: StoredSettings): DraftState {
  return {
    baseline: stored,
    settings: draftFromSettings(stored.settings, stored.tokens),
    alerts: draftFromRules(stored.settings.alerts, stored.settings.units),
  };
}

/** The units the thresholds are shown in: the form's choice. */
function unitsOf(state: DraftState): TrafficUnits {
  return parseUnits(state.settings.units) ?? state.baseline.settings.units;
}

/**
 * `current` brought up to `next`, what is stored now: every field that still reads as in
 * `reference` takes the stored value, every other keeps the person's text, and `next` becomes the
 * baseline. Thresholds are compared in the units the form shows afterwards, which the stored
 * units may have changed.
 */
function follow(current: DraftState, reference: DraftState, next: StoredSettings): DraftState {
  const stored = stateFrom(next);
  const settings = followDraft(current.settings, reference.settings, stored.settings);
  const units = parseUnits(settings.units) ?? next.settings.units;
  const shown = (state: DraftState) => convertDraftUnits(state.alerts, unitsOf(state), units);
  const [mine, theirs] = [shown(current), shown(stored)];
  const alerts = takeUnedited(mine, shown(reference), theirs);
  return { baseline: next, settings, alerts: { ...alerts, exact: exactBehind(alerts, [theirs.exact, mine.exact]) } };
}

function changeFrom(baseline: StoredSettings, valid: ValidDraft, alerts: AlertRules): SettingsChange {
  const kept = new Set(valid.settings.accounts.map((account) => account.id));
  const tokens = Object.entries(valid.tokens).filter(([account, token]) => token !== (baseline.tokens[account] ?? ''));
  return {
    settings: settingsPatch(baseline.settings, { ...valid.settings, alerts }),
    tokens: Object.fromEntries(tokens),
    removedAccounts: baseline.settings.accounts.map((account) => account.id).filter((account) => !kept.has(account)),
  };
}

export interface SettingsDraftOptions {
  /** What is stored when the form opens. */
  readonly stored: StoredSettings;
  readonly allowLoopback: boolean;
  /** Calls back with what is stored whenever it changes; returns the way to stop. */
  readonly watchStored: (listener: (stored: StoredSettings) => void) => () => void;
  /** Writes the change over what is stored now; resolves with what is stored then. */
  readonly onSave: (change: SettingsChange) => Promise<StoredSettings>;
}

/**
 * The settings form's drafts. Another page may write the settings while this one is open (the
 * popup's chart window, a second settings tab): the form follows, except in fields the person
 * has edited, and a Save writes only what they changed, so neither page undoes the other.
 */
export function useSettingsDraft({ stored, allowLoopback, watchStored, onSave }: SettingsDraftOptions, locale: string) {
  const [state, setState] = useState(() => stateFrom(stored));

  useEffect(() => {
    // A reading that lands after the form is gone (replaced after Forget) is dropped.
    let live = true;
    const stop = watchStored((next) => {
      if (live) setState((current) => follow(current, stateFrom(current.baseline), next));
    });
    return () => {
      live = false;
      stop();
    };
  }, [watchStored]);

  const units = unitsOf(state);
  const check = validateDraft(state.settings, allowLoopback, state.baseline.settings, locale);
  const alertCheck = validateAlertDraft(state.alerts, units);

  const editDraft = (edit: (draft: SettingsDraft) => SettingsDraft) => setState((current) => ({ ...current, settings: edit(current.settings) }));

  const update = (field: Exclude<FieldKey, 'watched'>, value: string) => editDraft((draft) => withDraftValue(draft, field, value));

  /** Ticks or unticks users, as the lists and the watched entries' Remove do. */
  const setWatched = (change: (watched: readonly WatchedUser[]) => readonly WatchedUser[]) =>
    editDraft((draft) => ({ ...draft, watched: change(draft.watched) }));

  const addAccount = () =>
    editDraft((draft) =>
      draft.accounts.length >= MAX_ACCOUNTS ? draft : { ...draft, accounts: [...draft.accounts, blankAccount(newAccountId(draft.accounts, Math.random))] },
    );

  /** Drops the account with its watched users, and a badge scope naming it; its token goes at Save. */
  const removeAccount = (account: string) =>
    editDraft((draft) =>
      draft.accounts.length < 2
        ? draft
        : {
            ...draft,
            accounts: draft.accounts.filter((known) => known.id !== account),
            watched: draft.watched.filter((entry) => entry.account !== account),
            badgeScope: draft.badgeScope === `account:${account}` ? 'all' : draft.badgeScope,
          },
    );

  /** Adds the names typed for an account to the watched users; false (and nothing added) while one is not a username. */
  const addTyped = (account: string): boolean => {
    const typed = state.settings.accounts.find((known) => known.id === account);
    const entries = typed ? typedEntries(typed) : null;
    if (!entries?.ok) return false;
    editDraft((draft) => ({
      ...draft,
      watched: addWatched(draft.watched, entries.value),
      accounts: draft.accounts.map((known) => (known.id === account ? { ...known, typed: '' } : known)),
    }));
    return true;
  };

  const updateAlert = (field: AlertField, value: string | boolean) =>
    setState((current) => ({ ...current, alerts: { ...current.alerts, [field]: value } }));

  const switchMoney = (field: MoneySwitch, on: boolean) => editDraft((draft) => ({ ...draft, money: { ...draft.money, [field]: on } }));

  /** A new choice of units re-expresses the thresholds and traffic budgets, so that each keeps the amount it means. */
  const changeUnits = (value: string) =>
    setState((current) => {
      const to = parseUnits(value);
      const alerts = to ? convertDraftUnits(current.alerts, unitsOf(current), to) : current.alerts;
      const money = convertMoneyUnits(current.settings.money, unitsOf(current), to);
      return { ...current, settings: { ...current.settings, units: value, money }, alerts };
    });

  /**
   * Null while a field is invalid. Once saved, the fields not edited since show what is stored
   * (tidied text, others' changes), and what is stored becomes the baseline.
   */
  const save =
    check.ok && alertCheck.ok
      ? async () => {
          const submitted = state;
          const saved = await onSave(changeFrom(state.baseline, check.value, alertCheck.value));
          setState((current) => follow(current, submitted, saved));
        }
      : null;

  return {
    draft: state.settings,
    baseline: state.baseline.settings,
    alertDraft: state.alerts,
    units,
    check,
    alertCheck,
    update,
    setWatched,
    addAccount,
    removeAccount,
    addTyped,
    updateAlert,
    switchMoney,
    changeUnits,
    save,
  };
}
