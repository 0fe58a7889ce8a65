import { useClock } from '../use-clock';

/** 75 -> "1:15", 3725 -> "1:02:05". */
export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

export interface CountdownProps {
  /** Epoch ms when the message becomes visible to consumers again. */
  until: number;
}

/** Time left before a received message returns to the queue; "Returned" once it has. */
export function Countdown({ until }: CountdownProps) {
  const current = useClock(1000);
  const left = (until - current) / 1000;
  if (left <= 0) return <span className="text-warning">Back in queue</span>;
  return (
    <time className="tabular-nums" title={`Visible again at ${new Date(until).toLocaleTimeString()}`}>
      {formatClock(left)}
    </time>
  );
}
