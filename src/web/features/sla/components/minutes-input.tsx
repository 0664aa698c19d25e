import { TextInput } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { formatMinutes, parseMinutes } from '../../../lib/duration.ts';

interface MinutesInputProps {
  label: string;
  /** null: no target. */
  value: number | null;
  onChange: (minutes: number | null) => void;
  error?: string | undefined;
  readOnly: boolean;
}

/** Business time typed as "4h", "90m", "2d" or "1h 30m"; shown back formatted once you leave the field. */
export function MinutesInput({ label, value, onChange, error, readOnly }: MinutesInputProps) {
  const shown = value === null ? '' : formatMinutes(value);
  const [text, setText] = useState(shown);
  const editing = useRef(false);
  // Follow the value from outside (discard, reload), but never rewrite what is being typed.
  useEffect(() => {
    if (!editing.current) setText(shown);
  }, [shown]);
  const invalid = text.trim() !== '' && parseMinutes(text) === null;

  return (
    <TextInput
      aria-label={label}
      size="xs"
      w={84}
      placeholder="—"
      value={text}
      readOnly={readOnly}
      error={error ?? (invalid ? 'Use h, m or d, e.g. 4h' : undefined)}
      title={error}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const minutes = parseMinutes(next);
        if (next.trim() === '') onChange(null);
        else if (minutes !== null && minutes > 0) onChange(minutes);
      }}
      onFocus={() => {
        editing.current = true;
      }}
      onBlur={() => {
        editing.current = false;
        if (!invalid) setText(shown);
      }}
    />
  );
}
