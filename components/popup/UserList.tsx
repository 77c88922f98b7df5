import { useState } from 'preact/hooks';
import type { ProxyType } from '@/utils/api/thordata-client';
import type { Translate } from '@/utils/i18n/i18n';
import { COLLAPSE_ABOVE, filterLayout, userFocusId, type AccountGroup, type ProductGroup, type RowLayout } from '@/utils/popup/row-groups';
import { userFailureWords, type AccountProblem } from '@/utils/popup/status-banner';
import type { UserRow } from '@/utils/popup/user-rows';
import type { Kb } from '@/utils/base/units';
import { MiniTrend } from './MiniTrend';

/** How the list names accounts and products, in the reader's language. */
export interface GroupNames {
  readonly account: (id: string) => string;
  readonly product: (type: ProxyType) => string;
}

interface UserListProps {
  readonly layout: RowLayout;
  readonly rowCount: number;
  /** The focused group's or row's id (row-groups.ts), or null for all users. */
  readonly focus: string | null;
  /** The failing accounts' problems by account id, shown on their group. */
  readonly problems: ReadonlyMap<string, AccountProblem>;
  readonly names: GroupNames;
  readonly t: Translate;
  readonly amount: (kb: Kb) => string;
  readonly onFocus: (id: string | null) => void;
}

/** What every part of the list needs besides its own group. */
interface ListContext {
  readonly focus: string | null;
  readonly t: Translate;
  readonly amount: (kb: Kb) => string;
  readonly onFocus: (id: string | null) => void;
  /** Whether groups can be collapsed: only in a long list. */
  readonly collapsible: boolean;
  readonly isOpen: (id: string, startsOpen: boolean) => boolean;
  readonly toggle: (id: string, open: boolean) => void;
}

function Row({ row, context }: { row: UserRow; context: ListContext }) {
  const { focus, t, amount, onFocus } = context;
  const id = userFocusId(row);
  const share = Math.round(row.share * 100);
  const label = row.hasFigures ? t('popup.userRowLabel', [row.username, amount(row.currentKb), share]) : row.username;
  return (
    <li>
      <button type="button" class="user-row" aria-pressed={focus === id} onClick={() => onFocus(focus === id ? null : id)}>
        {/* Screen readers get the whole sentence; the columns are for the eye. */}
        <span class="sr-only">{row.failure ? t('withProblem', [label, userFailureWords(row.failure, t)]) : label}</span>
        <span class="user-name" aria-hidden="true">
          {row.username}
        </span>
        {/* A user whose last request failed keeps its last figures, which the total counts too. */}
        {row.hasFigures ? (
          <>
            <span class="user-amount" aria-hidden="true">
              {amount(row.currentKb)}
            </span>
            <span class="user-share muted" aria-hidden="true">
              {t('popup.shareOfTotal', [share])}
            </span>
            <MiniTrend values={row.trend} />
          </>
        ) : (
          <span class="user-amount muted" aria-hidden="true">
            —
          </span>
        )}
        {row.failure && (
          <span class="user-warning" aria-hidden="true">
            {userFailureWords(row.failure, t)}
          </span>
        )}
      </button>
    </li>
  );
}

interface GroupHeadProps {
  readonly id: string;
  readonly name: string;
  readonly count: number;
  readonly currentKb: Kb;
  readonly share: number;
  readonly level: 3 | 4;
  readonly open: boolean;
  readonly context: ListContext;
}

/**
 * A group's heading: a disclosure button (in a long list) and the button that focuses the
 * figures on the group, with its total and share of this hour.
 */
function GroupHead({ id, name, count, currentKb, share, level, open, context }: GroupHeadProps) {
  const { focus, t, amount, onFocus, collapsible, toggle } = context;
  const percent = Math.round(share * 100);
  const Heading = level === 3 ? 'h3' : 'h4';
  return (
    <Heading class={`group-head level-${level}`}>
      {collapsible && (
        <button type="button" class="disclosure" aria-expanded={open} aria-controls={open ? `${id}-rows` : undefined} onClick={() => toggle(id, !open)}>
          <span class="chevron" aria-hidden="true" />
          <span class="sr-only">{t('popup.groupUsers', count, [count, name])}</span>
          <span class="group-count" aria-hidden="true">
            {count}
          </span>
        </button>
      )}
      <button type="button" class="user-row group-row" aria-pressed={focus === id} onClick={() => onFocus(focus === id ? null : id)}>
        <span class="sr-only">{t('popup.userRowLabel', [name, amount(currentKb), percent])}</span>
        <span class="user-name" aria-hidden="true">
          {name}
        </span>
        <span class="user-amount" aria-hidden="true">
          {amount(currentKb)}
        </span>
        <span class="user-share muted" aria-hidden="true">
          {t('popup.shareOfTotal', [percent])}
        </span>
      </button>
    </Heading>
  );
}

function Product({ group, level, names, context }: { group: ProductGroup; level: 3 | 4; names: GroupNames; context: ListContext }) {
  const open = context.isOpen(group.id, group.startsOpen);
  return (
    <li class="group">
      <GroupHead
        id={group.id}
        name={names.product(group.proxyType)}
        count={group.rows.length}
        currentKb={group.currentKb}
        share={group.share}
        level={level}
        open={open}
        context={context}
      />
      {/* A collapsed group renders no row: a hundred rows would cost the first frame what they cost. */}
      {open && (
        <ul id={`${group.id}-rows`}>
          {group.rows.map((row) => (
            <Row key={row.key} row={row} context={context} />
          ))}
        </ul>
      )}
    </li>
  );
}

function Account({ group, problem, names, context }: { group: AccountGroup; problem: AccountProblem | undefined; names: GroupNames; context: ListContext }) {
  const open = context.isOpen(group.id, group.startsOpen);
  return (
    <li class="group account-group">
      <GroupHead
        id={group.id}
        name={names.account(group.account)}
        count={group.rowCount}
        currentKb={group.currentKb}
        share={group.share}
        level={3}
        open={open}
        context={context}
      />
      {/* Its own failure stays with its group; the other accounts' figures go on as they are. */}
      {problem && (
        <p class={`group-warning ${problem.tone}`} data-testid="account-problem">
          <strong>{problem.problem}</strong> {problem.remedy}
        </p>
      )}
      {open && (
        <ul id={`${group.id}-rows`}>
          {group.products.map((product) => (
            <Product key={product.id} group={product} level={4} names={names} context={context} />
          ))}
        </ul>
      )}
    </li>
  );
}

/**
 * The watched users, grouped by account and product with each group's total; choosing a group
 * or a row focuses the figures and chart on it. In a long list the groups start collapsed and
 * a filter finds a user by name across all of them.
 */
export function UserList({ layout, rowCount, focus, problems, names, t, amount, onFocus }: UserListProps) {
  const [query, setQuery] = useState('');
  const [opened, setOpened] = useState<ReadonlyMap<string, boolean>>(new Map());
  const collapsible = rowCount > COLLAPSE_ABOVE;
  const filtering = collapsible && query.trim() !== '';
  const context: ListContext = {
    focus,
    t,
    amount,
    onFocus,
    collapsible,
    // A filter opens every group holding a match, where the user looks; each can still be closed.
    isOpen: (id, startsOpen) => opened.get(id) ?? (filtering || startsOpen),
    toggle: (id, open) => setOpened((before) => new Map(before).set(id, open)),
  };
  const shown = filtering ? filterLayout(layout, query) : layout;
  const empty = shown.kind === 'flat' ? shown.rows.length === 0 : shown.kind === 'products' ? shown.products.length === 0 : shown.accounts.length === 0;
  return (
    <section class="users" aria-labelledby="users-heading">
      <h2 id="users-heading">{t('popup.users')}</h2>
      {collapsible && (
        <input
          type="search"
          class="user-filter"
          aria-label={t('popup.findUser')}
          placeholder={t('popup.findUser')}
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setOpened(new Map());
          }}
        />
      )}
      <ul>
        <li>
          <button type="button" class="user-row" aria-pressed={focus === null} onClick={() => onFocus(null)}>
            <span class="user-name">{t('popup.allUsers')}</span>
          </button>
        </li>
        {shown.kind === 'flat' && shown.rows.map((row) => <Row key={row.key} row={row} context={context} />)}
        {shown.kind === 'products' && shown.products.map((group) => <Product key={group.id} group={group} level={3} names={names} context={context} />)}
        {shown.kind === 'accounts' &&
          shown.accounts.map((group) => <Account key={group.id} group={group} problem={problems.get(group.account)} names={names} context={context} />)}
      </ul>
      {filtering && empty && (
        <p class="muted no-match" role="status">
          {t('popup.noMatch', [query.trim()])}
        </p>
      )}
    </section>
  );
}
