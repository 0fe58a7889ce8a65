import { useId } from 'react';
import { ArrowDownToLine, Eye } from 'lucide-react';

export type PollModeValue = 'peek' | 'receive';

export interface PollModePickerProps {
  mode: PollModeValue;
  onChange: (mode: PollModeValue) => void;
  isDisabled?: boolean;
  /** The receive mode's hiding time, for its description. */
  visibilitySeconds: number;
  /** The queue's redrive maxReceiveCount, when it has a dead-letter queue. */
  maxReceiveCount?: number | undefined;
}

/** The two ways to poll, with what each does to the messages, in plain words. */
export function PollModePicker({
  mode,
  onChange,
  isDisabled = false,
  visibilitySeconds,
  maxReceiveCount,
}: PollModePickerProps) {
  const name = useId();
  const options = [
    {
      value: 'peek' as const,
      Icon: Eye,
      label: 'Peek',
      text: 'Look without taking: each message is received with a visibility timeout of 0, so it stays available to consumers at once.',
    },
    {
      value: 'receive' as const,
      Icon: ArrowDownToLine,
      label: 'Receive',
      text: `Take messages: they are hidden from consumers for ${visibilitySeconds} s, so you can delete them. Undeleted ones come back after that.`,
    },
  ];
  return (
    <fieldset className="flex flex-col gap-2" disabled={isDisabled}>
      <legend className="mb-1 text-sm font-medium">How to poll</legend>
      <div className="grid gap-2 md:grid-cols-2">
        {options.map(({ value, Icon, label, text }) => (
          // The label's text is in its nested spans (from a list), which the rule cannot see.
          // eslint-disable-next-line jsx-a11y/label-has-associated-control
          <label
            key={value}
            className={`flex cursor-pointer gap-2.5 rounded-md border p-3 text-sm has-[:disabled]:cursor-not-allowed ${
              mode === value ? 'border-accent bg-accent-soft' : 'border-border'
            }`}
          >
            <input
              type="radio"
              name={name}
              value={value}
              checked={mode === value}
              onChange={() => onChange(value)}
              className="mt-0.5 accent-accent"
            />
            <span className="flex flex-col gap-0.5">
              <span className="flex items-center gap-1.5 font-medium">
                <Icon aria-hidden className="size-4 text-subtle" />
                {label}
              </span>
              <span className="text-xs text-muted">{text}</span>
            </span>
          </label>
        ))}
      </div>
      <p className="text-xs text-muted">
        Both are receives: each one adds 1 to a message&apos;s receive count.
        {maxReceiveCount !== undefined
          ? ` This queue moves a message to its dead-letter queue once it has been received ${maxReceiveCount} ${maxReceiveCount === 1 ? 'time' : 'times'}, so peeking can send messages there.`
          : ' On a queue with a dead-letter queue, peeking can move a message there once its maxReceiveCount is reached.'}
      </p>
    </fieldset>
  );
}
