import { NumberInput } from '@mantine/core';

interface RateLimitInputProps {
  /** Empty: the server's default (120). */
  value: number | '';
  onChange: (value: number | '') => void;
  error: string | undefined;
}

/** Events per minute one integration's key may send. */
export function RateLimitInput({ value, onChange, error }: RateLimitInputProps) {
  return (
    <NumberInput
      label="Rate limit"
      description="Events per minute for this key; more are answered 429 (default 120)"
      w={260}
      min={1}
      max={100_000}
      value={value}
      onChange={(next) => onChange(typeof next === 'number' ? next : '')}
      error={error}
    />
  );
}
