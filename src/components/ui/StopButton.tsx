interface Props {
  /** A run is going on that this button can stop. */
  running: boolean;
  /** Stop was pressed; the run ends when the worker answers. */
  stopping: boolean;
  onStop: () => void;
  label?: string;
}

/*
 * A Stop button that is always there and only changes state, so it is the same element before,
 * during and after a run. It acts on pointer down: a press that starts between two streamed
 * updates is honoured even if the page redraws before the button is released. Keyboard presses
 * arrive as clicks. aria-disabled (not disabled) keeps the focus on it when the run ends.
 */
export function StopButton({ running, stopping, onStop, label = 'Stop' }: Props) {
  const active = running && !stopping;
  const press = () => {
    if (active) onStop();
  };
  return (
    <button
      type="button"
      className="btn"
      aria-disabled={!active}
      data-stopping={stopping || undefined}
      onPointerDown={(e) => {
        if (e.button === 0) press();
      }}
      onClick={press}
    >
      {stopping ? 'Stopping…' : label}
    </button>
  );
}
