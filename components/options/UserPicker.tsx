import type { UserList } from '@/utils/api/answers';
import type { Translate } from '@/utils/i18n/i18n';
import { userUsageText } from '@/utils/settings/settings-words';
import { mbToKb, type Kb } from '@/utils/base/units';

interface UserPickerProps {
  readonly users: UserList;
  readonly chosen: ReadonlySet<string>;
  readonly amount: (kb: Kb) => string;
  readonly t: Translate;
  readonly onToggle: (username: string, on: boolean) => void;
}

/** The account's proxy users after a successful Test connection: ticking one watches it. */
export function UserPicker({ users, chosen, amount, t, onToggle }: UserPickerProps) {
  return (
    <fieldset class="user-picker">
      <legend>{t('settings.users.legend')}</legend>
      {users.users.map((user, index) => (
        <div key={user.username} class="user-choice">
          <input
            id={`user-${index}`}
            type="checkbox"
            checked={chosen.has(user.username)}
            aria-describedby={`user-${index}-status`}
            onChange={(e) => onToggle(user.username, e.currentTarget.checked)}
          />
          <label for={`user-${index}`} class="user-name">
            {user.username}
          </label>
          <span id={`user-${index}-status`} class="muted">
            {/* user-list speaks MB, unlike the hourly endpoint. */}
            {userUsageText(
              user.enabled,
              user.usageMb === null ? null : amount(mbToKb(user.usageMb)),
              user.trafficLimitMb ? amount(mbToKb(user.trafficLimitMb)) : null,
              t,
            )}
          </span>
        </div>
      ))}
    </fieldset>
  );
}
