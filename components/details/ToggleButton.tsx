/** A button that stays pressed while its choice holds: `aria-pressed` says so, the style shows it. */
export function ToggleButton({ pressed, label, onClick }: { pressed: boolean; label: string; onClick: () => void }) {
  return (
    <button type="button" class="toggle" aria-pressed={pressed} onClick={onClick}>
      {label}
    </button>
  );
}
